import { randomBase62 } from '@/server/lib/ids';

const CHINA_OFFSET_MS = 8 * 3600_000;

export type SerialKind = 'P' | 'R' | 'S' | 'B';

/**
 * The center's serial number: a kind letter (P payment attempt, R refund, S split, B split return:
 * money back from a receiver), the time in China
 * (yyyyMMddHHmmssSSS, so serial numbers sort by creation and staff read them as local time) and
 * 13 random base62 characters (77 bits: unguessable). 31 characters of [0-9A-Za-z], within the
 * 32 that Alipay's out_trade_no and WeChat Pay's out_trade_no / out_refund_no /
 * profit-sharing out_order_no / out_return_no accept.
 */
export function newSerialNo(kind: SerialKind, now = new Date()): string {
  const stamp = new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().replace(/[-:TZ.]/g, '');
  return `${kind}${stamp}${randomBase62(13)}`;
}

/** Accepts what newSerialNo makes; used to reject garbage in URLs before touching the database. */
export function isSerialNo(value: string, kind: SerialKind): boolean {
  return new RegExp(`^${kind}\\d{17}[0-9A-Za-z]{13}$`).test(value);
}
