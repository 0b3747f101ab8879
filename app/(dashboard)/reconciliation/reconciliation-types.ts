import type { RouterOutputs } from '../router-outputs';

export type DaysGrid = RouterOutputs['reconciliation']['days'];
export type AccountRow = DaysGrid['accounts'][number];
export type DayCell = NonNullable<AccountRow['cells'][number]>;
export type ReconciliationDay = RouterOutputs['reconciliation']['day'];
export type DiscrepancyRow = ReconciliationDay['discrepancies'][number];

/** The Beijing calendar day `days` after (or before) `day`, both "yyyy-MM-dd". */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today in Beijing, "yyyy-MM-dd", whatever the browser's zone. */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
