/**
 * How a figure moved against the previous period. Amounts and counts move by a percentage of the
 * previous figure; rates by percentage points (a refund rate from 2 % to 3 % is +1 point, not +50 %).
 */
export type Change = { kind: 'none' } | { kind: 'same' } | { kind: 'percent' | 'points'; direction: 'up' | 'down'; value: number };

export function changeOf(current: number | null, previous: number | null, unit: 'percent' | 'points'): Change {
  if (current === null || previous === null) return { kind: 'none' };
  if (unit === 'percent' && previous === 0) return current === 0 ? { kind: 'same' } : { kind: 'none' };
  const delta = unit === 'percent' ? (current - previous) / Math.abs(previous) : (current - previous) * 100;
  // Below what one decimal shows, the figure did not move.
  if (Math.abs(unit === 'percent' ? delta * 100 : delta) < 0.05) return { kind: 'same' };
  return { kind: unit, direction: delta > 0 ? 'up' : 'down', value: Math.abs(delta) };
}
