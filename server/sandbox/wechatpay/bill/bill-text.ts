// What WeChat Pay's text bills share: backtick-prefixed fields, Beijing wall-clock times, CRLF lines,
// one Beijing calendar day per bill.

export interface BillText {
  text: string;
  rows: number;
}

export const backtickRow = (fields: readonly string[]) => fields.map((field) => `\`${field}`).join(',');

/** Beijing wall-clock "yyyy-MM-dd HH:mm:ss". */
export function beijingTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

export function dayRange(billDate: string): { gte: Date; lt: Date } {
  const start = new Date(Date.parse(`${billDate}T00:00:00+08:00`));
  return { gte: start, lt: new Date(start.getTime() + 24 * 3600 * 1000) };
}
