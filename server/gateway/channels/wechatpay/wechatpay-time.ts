// WeChat Pay v3 speaks RFC 3339 with China's offset: 2026-12-01T20:15:00+08:00 (no daylight saving).
const OFFSET_MS = 8 * 3600 * 1000;

export function toWechatTime(date: Date): string {
  return `${new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** An RFC 3339 instant with an explicit offset (WeChat sends +08:00), or null for anything else. */
export function fromWechatTime(text: unknown): Date | null {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time);
}
