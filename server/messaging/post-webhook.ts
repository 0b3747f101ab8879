import { RequestTimeout, sendGuardedRequest } from '@/server/security/guarded-request';
import { privateTargetsAllowed, undeliverableReason } from '@/server/security/outbound-target';

export const WEBHOOK_TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 1024;

export interface PostResult {
  /** True for any 2xx within the timeout: the app acknowledged the event. */
  acknowledged: boolean;
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
  durationMs: number;
}

function describeFailure(error: unknown): string {
  if (error instanceof RequestTimeout) return error.message;
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return (code && !message.includes(code) ? `${message} (${code})` : message).slice(0, 500);
}

/**
 * One POST of a signed webhook through the outbound guard (sendGuardedRequest). Redirects
 * are not followed (a 3xx is a failure: the app must give its final URL), the whole exchange is
 * bounded by the contract's 10 s, only the first 1 KiB of the answer is read, and unless private
 * targets are allowed no connection is made to a non-public address.
 */
export async function postWebhook(options: { url: string; headers: Record<string, string>; rawBody: string; timeoutMs?: number }): Promise<PostResult> {
  const started = performance.now();
  const result = (fields: Omit<PostResult, 'durationMs'>): PostResult => ({ ...fields, durationMs: Math.round(performance.now() - started) });
  const refused = await undeliverableReason(options.url);
  if (refused) return result({ acknowledged: false, statusCode: null, responseExcerpt: null, error: `refused: ${refused}` });
  try {
    const answer = await sendGuardedRequest({
      url: options.url,
      method: 'POST',
      headers: options.headers,
      body: options.rawBody,
      timeoutMs: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
      maxBytes: EXCERPT_BYTES,
      publicOnly: !privateTargetsAllowed(),
    });
    const { statusCode } = answer;
    const redirect = statusCode >= 300 && statusCode < 400 ? `redirect to ${answer.location ?? '(no location)'} not followed` : null;
    return result({ acknowledged: statusCode >= 200 && statusCode < 300, statusCode, responseExcerpt: new TextDecoder().decode(answer.body), error: redirect });
  } catch (error) {
    return result({ acknowledged: false, statusCode: null, responseExcerpt: null, error: describeFailure(error) });
  }
}
