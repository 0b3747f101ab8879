/** Seconds to wait after each failed automatic attempt (api-contract.md): 16 attempts over about 24 h. */
export const RETRY_DELAYS_SECONDS = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10_800, 10_800, 10_800, 21_600, 21_600] as const;

export const MAX_AUTO_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** When to try again after `failedAttempts` automatic attempts failed, the last at `now`; null when the schedule is exhausted. */
export function nextAttemptAt(failedAttempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_SECONDS[failedAttempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay * 1000);
}
