/**
 * Money on screen: amounts are whole fen everywhere inside, shown as yuan with two decimals. Both
 * directions use integer and string arithmetic only, so no float ever rounds a cent away.
 */

/** 1234 → "¥12.34", -5 → "-¥0.05", 123456789 → "¥1,234,567.89". */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${digits.slice(-2)}`;
}

/** A yuan amount typed by a person ("12", "12.3", "12.34", "1,200.00") in fen, or null if it is not one. */
export function parseYuanToFen(text: string): number | null {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, ''));
  if (!match) return null;
  const fen = Number(match[1]! + (match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Fen as the plain yuan string an input shows: 1234 → "12.34". */
export function fenToYuanInput(fen: number): string {
  const digits = String(Math.max(0, fen)).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
