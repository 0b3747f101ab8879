// Alipay writes every time as Beijing wall-clock time, "yyyy-MM-dd HH:mm:ss", whatever the server's zone.

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

export function alipayTime(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The Beijing calendar day of an instant, "yyyy-MM-dd". */
export function beijingDay(date: Date): string {
  return alipayTime(date).slice(0, 10);
}

/** The instant a Beijing calendar day ("yyyy-MM-dd") starts. */
export function beijingDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`));
}
