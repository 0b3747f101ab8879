const MINUTE_MS = 60_000;
/** After a refund is sent: ask again after 1m, 5m, 15m, 1h, then every 6h. */
const STEPS_MS = [MINUTE_MS, 5 * MINUTE_MS, 15 * MINUTE_MS, 60 * MINUTE_MS];
const THEN_EVERY_MS = 6 * 60 * MINUTE_MS;

/** When a PROCESSING refund should next be asked at its channel, after `queriesDone` queries. */
export function nextRefundQueryAt(options: { now: Date; queriesDone: number }): Date {
  const delay = STEPS_MS[options.queriesDone] ?? THEN_EVERY_MS;
  return new Date(options.now.getTime() + delay);
}
