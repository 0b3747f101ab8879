// Identifiers shaped like Alipay's own, so code that stores or displays them meets realistic values.
import { createHash, randomInt } from 'node:crypto';
import { beijingDay } from '@/server/gateway/beijing-time';

function digits(count: number): string {
  let out = '';
  while (out.length < count) out += String(randomInt(1e9)).padStart(9, '0');
  return out.slice(0, count);
}

/** 28 digits: the Beijing day, "22001", 15 random digits (as 2021060622001498120501382075). */
export function newTradeNo(now: Date): string {
  return `${beijingDay(now).replaceAll('-', '')}22001${digits(15)}`;
}

/** A user id of the simulated buyer: 2088 and 12 digits. */
export function newBuyerId(): string {
  return `2088${digits(12)}`;
}

/** The seller (merchant PID) behind an app: fixed per app_id, so every message about it agrees. */
export function sellerIdOf(appId: string): string {
  const hash = createHash('sha256').update(appId).digest();
  return `2088${String(hash.readBigUInt64BE(0) % 10n ** 12n).padStart(12, '0')}`;
}

/** A settle_no: 32 digits, the Beijing day first (as 20210718002530070036530006474222). */
export function newSettleNo(now: Date): string {
  return `${beijingDay(now).replaceAll('-', '')}002530${digits(18)}`;
}

/** The detail_id of one receiver's line of a settle. */
export function newRoyaltyDetailId(now: Date): string {
  return `${beijingDay(now).replaceAll('-', '')}00253${digits(19)}`;
}

export function newNotifyId(now: Date): string {
  return `${beijingDay(now).replaceAll('-', '')}${digits(26)}`;
}

export function maskedLogonId(buyerId: string): string {
  return `sbx***${buyerId.slice(-4)}@sandbox.com`;
}
