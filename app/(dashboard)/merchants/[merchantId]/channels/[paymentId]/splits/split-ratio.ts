/** Basis points as a percentage to type or read: 3000 → "30", 1250 → "12.5", 1 → "0.01". Integer arithmetic only. */
export function bpsToPercent(bps: number): string {
  const cents = bps % 100;
  return cents === 0 ? String(Math.floor(bps / 100)) : `${Math.floor(bps / 100)}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** A typed percentage ("30", "12.5", "0.01") in basis points; null unless it has at most two decimals and lies in 0.01 %..maxBps. */
export function percentToBps(input: string, maxBps: number): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(input.trim());
  if (!match) return null;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bps >= 1 && bps <= maxBps ? bps : null;
}
