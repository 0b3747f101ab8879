import { syncPayment } from './sync-payment';
import { sweepDuePayments } from './sweep-due-payments';

/**
 * The scheduled active query: asks the channel about every PENDING, unexpired attempt whose query is
 * due (the safety net for lost or forged callbacks). syncPayment applies the answer and schedules the
 * next query. `sync` is replaceable so the claiming can be tested without a channel.
 */
export async function queryDuePayments(
  options: { now?: Date; limit?: number; sync?: (options: { serialNo: string; now?: Date }) => Promise<unknown> } = {},
): Promise<{ queried: number; failed: number }> {
  const now = options.now ?? new Date();
  const sync = options.sync ?? syncPayment;
  const { done, failed } = await sweepDuePayments({ kind: 'QUERY', now, limit: options.limit ?? 100, action: (serialNo) => sync({ serialNo, now }) });
  return { queried: done, failed };
}
