// Alipay and EasyPay write every time as Beijing wall-clock time (UTC+8, no daylight saving),
// "yyyy-MM-dd HH:mm:ss", whatever the server's zone.
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

export function toBeijingTime(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The instant of a "yyyy-MM-dd HH:mm:ss" Beijing time, or null when the text is not one. */
export function fromBeijingTime(text: string | undefined | null): Date | null {
  if (!text || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return null;
  return new Date(Date.parse(`${text.replace(' ', 'T')}Z`) - BEIJING_OFFSET_MS);
}

/** The Beijing calendar day of an instant, "yyyy-MM-dd". */
export function beijingDay(date: Date): string {
  return toBeijingTime(date).slice(0, 10);
}

/** The instant a Beijing calendar day ("yyyy-MM-dd") starts. */
export function beijingDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`));
}

/** Whether the text is a real calendar day, "yyyy-MM-dd" (month 13 or February 30 is not). */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

/** The Beijing calendar day `days` after (or before) the given one. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 24 * 3600_000).toISOString().slice(0, 10);
}
