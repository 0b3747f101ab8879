/** An audit summary split for display: the before/after pair side by side, anything else on its own. */
export interface SplitSummary {
  before: unknown;
  after: unknown;
  /** The summary without `before` and `after`; null when nothing else is left. */
  rest: Record<string, unknown> | null;
  /** A summary that is not an object (or absent) is shown whole. */
  other: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function splitSummary(summary: unknown): SplitSummary {
  if (!isPlainObject(summary)) return { before: undefined, after: undefined, rest: null, other: summary ?? undefined };
  const { before, after, ...rest } = summary;
  return { before, after, rest: Object.keys(rest).length > 0 ? rest : null, other: undefined };
}

/** Two-space indented JSON, the way people read it. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** A `<input type="date">` value as the start or the end of that day in the reader's time zone. */
export function dayBoundary(day: string, edge: 'start' | 'end'): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
