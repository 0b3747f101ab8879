/** Active query after creation: +1m, +5m, +15m, then every 15m until the attempt expires. */
const STEPS_MS = [60_000, 5 * 60_000, 15 * 60_000];
const THEN_EVERY_MS = 15 * 60_000;

/**
 * When a PENDING attempt should next be asked at its channel, after `queriesDone` queries; null
 * once past expiry (expiry closes it instead). Callbacks usually settle an attempt first — the query
 * is the safety net for a lost or forged callback.
 */
export function nextQueryAt(options: { createdAt: Date; expiresAt: Date; queriesDone: number }): Date | null {
  const { createdAt, expiresAt, queriesDone } = options;
  const offset = queriesDone < STEPS_MS.length ? STEPS_MS[queriesDone]! : STEPS_MS.at(-1)! + (queriesDone - STEPS_MS.length + 1) * THEN_EVERY_MS;
  const at = new Date(createdAt.getTime() + offset);
  return at.getTime() < expiresAt.getTime() ? at : null;
}
