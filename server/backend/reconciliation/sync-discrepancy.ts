import { z } from 'zod';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { syncPayment } from '@/server/core/payments/sync-payment';
import { syncRefund } from '@/server/core/refunds/sync-refund';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { reconcileDay } from '@/server/finance/reconciliation/reconcile-day';
import { findDiscrepancy } from './find-discrepancy';

export const syncDiscrepancyInput = z.object({ discrepancyId: z.string().min(1).max(64) });

/** Our payment or refund a discrepancy names, on the run's payment channel; null when PayCenter has none. */
async function recordOf(line: Awaited<ReturnType<typeof findDiscrepancy>>) {
  const { paymentChannelId } = line.run;
  if (line.refundSerialNo) {
    const refund = await db().refund.findFirst({ where: { refundSerialNo: line.refundSerialNo, payment: { paymentChannelId } }, select: { refundSerialNo: true, status: true } });
    return refund && { type: 'Refund' as const, id: refund.refundSerialNo, status: refund.status };
  }
  if (!line.serialNo) return null;
  const payment = await db().payment.findFirst({ where: { serialNo: line.serialNo, paymentChannelId }, select: { serialNo: true, status: true } });
  return payment && { type: 'Payment' as const, id: payment.serialNo, status: payment.status };
}

/**
 * "Sync from channel": the active query of the payment or refund the line names, through the core's
 * query service (which applies what the channel says under the money rules), then the day reconciled
 * again from its stored bill. The line's resolution, if any, follows it (see kept-resolutions.ts).
 */
export async function syncDiscrepancy(options: { actor: Actor; input: z.infer<typeof syncDiscrepancyInput>; request?: RequestMeta; now?: Date }) {
  assertCan(options.actor, 'reconciliation.manage');
  const line = await findDiscrepancy(db(), options.actor, options.input.discrepancyId);
  const record = await recordOf(line);
  if (!record) throw new AppError('CONFLICT', 'PayCenter has no payment or refund of this line to ask the channel about: resolve it with a note.');
  const after = record.type === 'Refund' ? (await syncRefund({ refundSerialNo: record.id, now: options.now })).status : (await syncPayment({ serialNo: record.id, now: options.now })).status;
  const date = line.run.runDate.toISOString().slice(0, 10);
  const run = await reconcileDay({ paymentChannelId: line.run.paymentChannelId, date, now: options.now });
  await recordAudit(db(), {
    actor: options.actor,
    action: 'reconciliation.discrepancy.sync',
    target: { type: 'ReconciliationDiscrepancy', id: line.id, companyId: line.run.companyId },
    summary: { record: `${record.type} ${record.id}`, before: { status: record.status }, after: { status: after }, run: { date, status: run.status } },
    request: options.request,
  });
  return { record: { type: record.type, id: record.id, before: record.status, after }, runStatus: run.status };
}
