import { db } from '@/server/db/client';
import type { ChannelBill } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { isDay } from '@/server/gateway/beijing-time';
import { ChannelError } from '@/server/gateway/channel-error';
import { pluginFor } from '@/server/gateway/registry';
import { failureOf, readBill, type BillOutcome } from './read-bill';
import { recordChannelBill } from './record-channel-bill';

export interface DownloadChannelBillOptions {
  paymentChannelId: string;
  /** The Beijing calendar day, yyyy-MM-dd. */
  date: string;
  now?: Date;
}

/** The day's bills, one per bill type the channel publishes; or none, and how to reconcile instead. */
export type DownloadChannelBillResult = { kind: 'BILLS'; bills: ChannelBill[] } | { kind: 'NO_BILLS'; reconcileBy: 'QUERY_EACH_ORDER' };

/**
 * Downloads each bill a payment channel publishes for a day through its plugin, checks it, and keeps
 * the raw file with the outcome (DOWNLOADED / NOT_READY / FAILED, see ChannelBill). Idempotent:
 * downloading a day again replaces that day's bills. Channel failures are recorded, not thrown.
 */
export async function downloadChannelBill(options: DownloadChannelBillOptions): Promise<DownloadChannelBillResult> {
  const { paymentChannelId, date } = options;
  const now = options.now ?? new Date();
  if (!isDay(date)) throw new AppError('INVALID_REQUEST', `${date} is not a day (yyyy-MM-dd).`, { date });
  const owner = await db().paymentChannel.findUnique({ where: { id: paymentChannelId }, select: { companyId: true } });
  if (!owner) throw new AppError('NOT_FOUND');
  const account = await loadChannelAccount(paymentChannelId, now);
  const { bills: capability } = pluginFor(account.channel);
  if (capability.kind === 'NONE') return { kind: 'NO_BILLS', reconcileBy: capability.reconcileBy };
  const bills: ChannelBill[] = [];
  // One after the other: each bill is held in memory until stored.
  for (const billType of capability.billTypes) {
    let outcome: BillOutcome;
    try {
      outcome = await readBill(await capability.downloadBill({ account, date, billType, now }));
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      outcome = failureOf(error);
    }
    bills.push(await recordChannelBill({ paymentChannelId, companyId: owner.companyId, channel: account.channel, date, billType, outcome, now }));
  }
  return { kind: 'BILLS', bills };
}
