// GET /api/metrics — this instance's metrics in Prometheus text format (api-contract.md, Operations).
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '@/server/config/env';
import { AppError } from '@/server/errors/app-error';
import { errorResponse } from '@/server/http/json-response';
import { requestIdFrom } from '@/server/lib/request-id';
import { metrics } from '@/server/observability/metrics';

export const dynamic = 'force-dynamic';

/** Compares digests, so neither the token's length nor its first wrong byte shows in the timing. */
function bearerMatches(authorization: string | null, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

export async function GET(request: Request): Promise<Response> {
  const token = env().PAYCENTER_METRICS_TOKEN;
  if (token && !bearerMatches(request.headers.get('authorization'), token)) {
    return errorResponse(new AppError('UNAUTHENTICATED', 'A valid metrics token is required (Authorization: Bearer <token>).'), requestIdFrom(request.headers));
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
