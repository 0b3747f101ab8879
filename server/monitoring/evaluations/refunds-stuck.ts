import { db } from '@/server/db/client';
import type { AlertRuleParams } from '../rules/alert-rule-catalogue';
import type { FailingCondition } from '../raise-conditions';

/** Refunds the channel has kept PROCESSING for longer than the rule's hours (the refund query keeps asking meanwhile). */
export async function findStuckRefunds(options: { params: AlertRuleParams<'REFUND_STUCK'>; now: Date }): Promise<FailingCondition[]> {
  const since = new Date(options.now.getTime() - options.params.hours * 3600_000);
  const refunds = await db().refund.findMany({
    where: { status: 'PROCESSING', createdAt: { lte: since } },
    select: { refundSerialNo: true, refundNo: true, serialNo: true, companyId: true, amount: true, createdAt: true },
  });
  return refunds.map((refund) => ({
    subject: `refund:${refund.refundSerialNo}`,
    companyId: refund.companyId,
    serialNo: refund.serialNo,
    message: `Refund ${refund.refundSerialNo} of ${refund.amount} fen has been processing at the channel since ${refund.createdAt.toISOString()} (rule: ${options.params.hours} h).`,
    details: { refundSerialNo: refund.refundSerialNo, refundNo: refund.refundNo, amount: refund.amount },
  }));
}
