// The `state` of an in-app web authorization (WeChat, Alipay) for one checkout: an HMAC over the
// checkout's serial number, the channel, an expiry a few minutes ahead and a nonce that only the
// payer's browser holds (a cookie set with the redirect). So a state works only for its own checkout
// and channel, only briefly, and only in the browser that started it: no login CSRF (another's code
// cannot be planted), no replay once the cookie is spent. WeChat allows only [A-Za-z0-9] in state,
// up to 128 bytes.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '@/server/config/env';

export const AUTHORIZATION_LIFETIME_MS = 5 * 60_000;

/** A key of its own, derived from the master key, so a state can never be mistaken for any other MAC of the center. */
function stateKey(): Buffer {
  return createHmac('sha256', Buffer.from(env().PAYCENTER_MASTER_KEY, 'base64')).update('paycenter/checkout/in-app-authorization-state').digest();
}

function mac(serialNo: string, channel: string, expiresAt: number, nonce: string): string {
  return createHmac('sha256', stateKey()).update(`${serialNo}\n${channel}\n${expiresAt}\n${nonce}`).digest('hex');
}

/** A fresh nonce for the payer's browser (the cookie's value). */
export function authorizationNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function signAuthorizationState(options: { serialNo: string; channel: string; nonce: string; now: Date }): string {
  const expiresAt = Math.floor((options.now.getTime() + AUTHORIZATION_LIFETIME_MS) / 1000);
  return `${expiresAt}s${mac(options.serialNo, options.channel, expiresAt, options.nonce)}`;
}

/** Whether `state` was signed for this checkout, channel and browser's nonce, and has not expired. */
export function verifyAuthorizationState(options: { serialNo: string; channel: string; nonce: string | null | undefined; state: string | null | undefined; now: Date }): boolean {
  const match = /^(\d{1,12})s([0-9a-f]{64})$/.exec(options.state ?? '');
  if (!match || !options.nonce) return false;
  const expiresAt = Number(match[1]);
  if (expiresAt * 1000 <= options.now.getTime()) return false;
  return timingSafeEqual(Buffer.from(match[2]!, 'hex'), Buffer.from(mac(options.serialNo, options.channel, expiresAt, options.nonce), 'hex'));
}
