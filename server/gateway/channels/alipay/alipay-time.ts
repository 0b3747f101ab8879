// Alipay speaks Beijing time (UTC+8, no daylight saving) as "yyyy-MM-dd HH:mm:ss".
const OFFSET_MS = 8 * 3600 * 1000;

export function toAlipayTime(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

export function fromAlipayTime(text: string | undefined | null): Date | null {
  if (!text || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return null;
  return new Date(Date.parse(`${text.replace(' ', 'T')}Z`) - OFFSET_MS);
}
