// Identifiers shaped like WeChat Pay's own, so code that stores or displays them meets realistic values.
import { randomBytes, randomInt } from 'node:crypto';
import { toWechatTime } from '@/server/gateway/channels/wechatpay/wechatpay-time';
import { randomBase62 } from '@/server/lib/ids';

function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join('');
}

/** Beijing wall-clock digits, yyyyMMddHHmmss. */
function beijingDigits(now: Date): string {
  return toWechatTime(now).slice(0, 19).replace(/\D/g, '');
}

/** wx + Beijing time + 20 hex (36 characters, as wx201410272009395522657a690389285100). */
export const newPrepayId = (now: Date) => `wx${beijingDigits(now)}${randomBytes(10).toString('hex')}`;

/** 28 digits, with the Beijing day in the middle (as 4200000985202103044585662008). */
export const newTransactionId = (now: Date) => `4200${digits(6)}${beijingDigits(now).slice(0, 8)}${digits(10)}`;

/** 29 digits (as 50000000382019052709732678859). */
export const newRefundId = (now: Date) => `5030${digits(7)}${beijingDigits(now).slice(0, 8)}${digits(10)}`;

/** The simulated payer's openid under the merchant's appid (28 characters starting with "o"). */
export const newOpenId = () => `o${randomBase62(27)}`;

/** The token of code_url and h5_url. */
export const newPayToken = () => randomBase62(16);
