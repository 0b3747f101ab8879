// reconcileDay: compares one payment channel's Beijing day with the channel (its stored bill, or a query
// per order when it publishes none) and records the run. Idempotent: running a day again replaces the
// run's figures and discrepancies in one transaction, carrying staff's resolutions over to the lines
// still found; a run with unresolved discrepancies raises one alert.
import { db } from '@/server/db/client';
import type { ReconciliationRun } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { isDay } from '@/server/gateway/beijing-time';
import { pluginFor } from '@/server/gateway/registry';
import { newId } from '@/server/lib/ids';
import { raiseAlert } from '@/server/messaging/raise-alert';
import { discrepancyColumns, NO_TOTALS } from './discrepancy';
import { identityOf, resolutionsOf } from './kept-resolutions';
import { queryEachOrder } from './query-each-order';
import { reconcileBill, type DayOutcome } from './reconcile-bill';

export interface ReconcileDayOptions {
  paymentChannelId: string;
  /** The Beijing calendar day, yyyy-MM-dd. */
  date: string;
  now?: Date;
}

export async function reconcileDay(options: ReconcileDayOptions): Promise<ReconciliationRun> {
  const { paymentChannelId, date } = options;
  const now = options.now ?? new Date();
  if (!isDay(date)) throw new AppError('INVALID_REQUEST', `${date} is not a day (yyyy-MM-dd).`, { date });
  const owner = await db().paymentChannel.findUnique({ where: { id: paymentChannelId }, select: { companyId: true, channel: true } });
  if (!owner) throw new AppError('NOT_FOUND');
  const outcome: DayOutcome =
    pluginFor(owner.channel).bills.kind === 'NONE'
      ? await queryEachOrder({ account: await loadChannelAccount(paymentChannelId, now), paymentChannelId, date })
      : await reconcileBill({ paymentChannelId, date });
  const { ours } = outcome;
  const theirs = outcome.channelTotals ?? NO_TOTALS;
  const fields = {
    status: outcome.status,
    failureReason: outcome.failureReason,
    ourPaymentCount: ours.paymentCount,
    ourPaymentAmount: ours.paymentAmount,
    ourRefundCount: ours.refundCount,
    ourRefundAmount: ours.refundAmount,
    channelPaymentCount: theirs.paymentCount,
    channelPaymentAmount: theirs.paymentAmount,
    channelRefundCount: theirs.refundCount,
    channelRefundAmount: theirs.refundAmount,
    channelFee: outcome.channelFee,
    reconciledAt: now,
  };
  const key = { paymentChannelId, runDate: new Date(`${date}T00:00:00Z`) };
  return db().$transaction(async (tx) => {
    const run = await tx.reconciliationRun.upsert({
      where: { paymentChannelId_runDate: key },
      create: { id: newId('rec'), ...key, companyId: owner.companyId, channel: owner.channel, ...fields },
      update: fields,
    });
    const resolutions = await resolutionsOf(tx, run.id);
    await tx.reconciliationDiscrepancy.deleteMany({ where: { runId: run.id } });
    await tx.reconciliationDiscrepancy.createMany({
      data: outcome.discrepancies.map((found) => ({ id: newId('rcd'), runId: run.id, ...discrepancyColumns(found), ...resolutions.get(identityOf(found)) })),
    });
    // Lines staff already resolved are no news: a re-run or a sync alerts only about open ones.
    const open = outcome.discrepancies.filter((found) => !resolutions.has(identityOf(found)));
    if (open.length > 0) {
      const kinds = [...new Set(open.map((found) => found.kind))];
      await raiseAlert(tx, {
        kind: 'RECONCILIATION_DISCREPANCY',
        companyId: owner.companyId,
        subject: `reconciliation:${paymentChannelId}:${date}`,
        message: `${owner.channel} ${date}: ${open.length} discrepancies (${kinds.join(', ')})`,
        details: { runId: run.id, paymentChannelId, date, kinds },
      });
    }
    return run;
  });
}
