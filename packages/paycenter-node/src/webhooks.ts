// The reference webhook check for apps (docs/webhooks.md).
import { hmacSha256Hex, signaturesMatch } from './signature.ts';
import type { WebhookEvent } from './types.ts';

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** Lowercase hex HMAC-SHA256(secret, TIMESTAMP + "." + RAW_BODY), the X-PayCenter-Signature header. */
export function signWebhook(options: { secret: string; timestamp: string; rawBody: string }): string {
  return hmacSha256Hex(options.secret, `${options.timestamp}.${options.rawBody}`);
}

/**
 * Checks a webhook's signature over the raw body exactly as received (parse it only afterwards),
 * and that its timestamp is within `toleranceSeconds` (300 by default) of now, so a captured
 * request cannot be replayed later. Answers the event, or throws WebhookVerificationError.
 */
export function verifyWebhook(options: {
  secret: string;
  timestamp: string | null;
  signature: string | null;
  rawBody: string;
  toleranceSeconds?: number;
  now?: Date;
}): WebhookEvent {
  const { timestamp, signature } = options;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) throw new WebhookVerificationError('missing or malformed X-PayCenter-Timestamp');
  if (!signature) throw new WebhookVerificationError('missing X-PayCenter-Signature');
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > (options.toleranceSeconds ?? 300)) throw new WebhookVerificationError('timestamp outside the tolerance');
  if (!signaturesMatch(signWebhook({ secret: options.secret, timestamp, rawBody: options.rawBody }), signature)) {
    throw new WebhookVerificationError('signature does not match');
  }
  return JSON.parse(options.rawBody) as WebhookEvent;
}
