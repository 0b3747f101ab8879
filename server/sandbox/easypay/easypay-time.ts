import { randomInt } from 'node:crypto';
import { toBeijingTime as beijingTime } from '@/server/gateway/beijing-time';

/** epay writes times as Beijing wall-clock time, "yyyy-MM-dd HH:mm:ss", as Alipay does. */
export const easypayTime = beijingTime;

/** 19 digits: the Beijing time to the second and 5 random digits (as 2024071519404366151). */
export function newEasypayTradeNo(now: Date): string {
  return `${beijingTime(now).replace(/\D/g, '')}${String(randomInt(100_000)).padStart(5, '0')}`;
}
