import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan, companyFilter } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { createRefund, type CreatedRefund } from '@/server/core/refunds/create-refund';

/**
 * A refund made by staff in the dashboard: the role may refund, the payment is in the actor's
 * company (another company's payment is not found, never forbidden), and the audit row is written
 * in the transaction that reserves the refund. Core does the rest, as for an app's refund.
 */
export async function createStaffRefund(options: { actor: Actor; serialNo: string; amount: number; reason?: string | null; request?: RequestMeta }): Promise<CreatedRefund> {
  const { actor, serialNo } = options;
  assertCan(actor, 'payment.refund');
  const payment = await db().payment.findFirst({ where: { serialNo, ...companyFilter(actor) }, select: { companyId: true } });
  if (!payment) throw new AppError('NOT_FOUND');
  return createRefund({
    serialNo,
    amount: options.amount,
    reason: options.reason,
    by: { kind: 'STAFF', userId: actor.userId },
    recordWith: (tx, refund) =>
      recordAudit(tx, {
        actor,
        action: 'payment.refund',
        target: { type: 'Payment', id: serialNo, companyId: payment.companyId },
        summary: { refundSerialNo: refund.refundSerialNo, amount: refund.amount, reason: refund.reason },
        request: options.request,
      }),
  });
}
