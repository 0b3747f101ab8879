import { logger } from '@/server/logging/logger';

/**
 * How long a row claimed by a sweep is left alone by other sweeps. The action on it (a few channel
 * calls with timeouts) finishes well within; if the process dies, the row is due again after it.
 */
export const CLAIM_LEASE_MS = 2 * 60_000;

/**
 * Runs a sweep's action on each claimed row, outside any transaction (it calls the channel). One
 * row's failure is logged and leaves it for the next sweep after the lease; the others go on.
 */
export async function runClaimed(claimed: readonly string[], action: (id: string) => Promise<unknown>, sweep: string): Promise<{ done: number; failed: number }> {
  let failed = 0;
  for (const id of claimed) {
    try {
      await action(id);
    } catch (error) {
      failed++;
      logger().error({ err: error, id, sweep }, 'sweep action failed; retried after the lease');
    }
  }
  return { done: claimed.length - failed, failed };
}
