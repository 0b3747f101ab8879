// A day of one payment channel from the channel's side to the run: its bills downloaded (kept unless a
// verified one is already stored, see record-channel-bill.ts), then the day reconciled against them.
import type { ReconciliationRun } from '@/server/db/generated/client';
import { downloadChannelBill } from '@/server/finance/channel-bills/download-channel-bill';
import { reconcileDay } from './reconcile-day';

export async function fetchAndReconcileDay(options: { paymentChannelId: string; date: string; now?: Date }): Promise<ReconciliationRun> {
  await downloadChannelBill(options);
  return reconcileDay(options);
}
