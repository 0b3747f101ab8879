// The checkout's form and callback routes answer with redirects: to a channel, or back to the
// checkout (QR code, a friendly message), never anywhere else.
import { env } from '@/server/config/env';
import { AppError } from '@/server/errors/app-error';
import { errorResponse } from '@/server/http/json-response';
import { logger } from '@/server/logging/logger';

export function see(path: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { location: new URL(path, env().PAYCENTER_BASE_URL).toString(), 'cache-control': 'no-store', ...headers } });
}

/** Back to the checkout after a refused start; an unknown checkout is a 404. */
export function afterRefusal(error: AppError, context: { serialNo: string; channel: string; requestId: string }, headers: Record<string, string> = {}): Response {
  const checkout = `/checkout/${encodeURIComponent(context.serialNo)}`;
  if (error.code === 'NOT_FOUND') return errorResponse(error, context.requestId);
  if (error.code === 'ATTEMPT_TOO_FREQUENT') return see(`${checkout}?wait=${Number(error.details?.retryAfterSeconds) || 15}`, headers);
  // Paid or closed meanwhile: the checkout shows it.
  if (error.code === 'ORDER_ALREADY_PAID' || error.code === 'ORDER_CLOSED') return see(checkout, headers);
  logger().warn({ ...context, code: error.code, details: error.details }, 'checkout could not start a payment');
  return see(`${checkout}?error=failed`, headers);
}
