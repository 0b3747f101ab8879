import type { z } from 'zod';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { fetchAndReconcileDay } from '@/server/finance/reconciliation/fetch-and-reconcile-day';
import { beijingDay } from '@/server/gateway/beijing-time';
import { accountDayInput, findChannelAccount } from './find-channel-account';
import { dayStatus } from './run-view';

export const reconcileDayNowInput = accountDayInput;

/** "Reconcile this day now": the day's bills downloaded again (a verified one is kept if the channel fails) and the day reconciled. */
export async function reconcileDayNow(options: { actor: Actor; input: z.infer<typeof reconcileDayNowInput>; request?: RequestMeta; now?: Date }) {
  assertCan(options.actor, 'reconciliation.manage');
  const { paymentChannelId, date } = options.input;
  const now = options.now ?? new Date();
  const account = await findChannelAccount(options.actor, paymentChannelId);
  if (date >= beijingDay(now)) throw new AppError('INVALID_REQUEST', `${date} is not over yet (Beijing time): the channels publish a day's bill the next morning.`, { fields: { date: 'not over' } });
  const run = await fetchAndReconcileDay({ paymentChannelId, date, now });
  await recordAudit(db(), {
    actor: options.actor,
    action: 'reconciliation.run',
    target: { type: 'PaymentChannel', id: paymentChannelId, companyId: account.companyId },
    summary: { date, status: run.status, failureReason: run.failureReason },
    request: options.request,
  });
  const lines = await db().reconciliationDiscrepancy.findMany({ where: { runId: run.id }, select: { resolvedAt: true } });
  return dayStatus(date, { ...run, discrepancies: lines });
}
