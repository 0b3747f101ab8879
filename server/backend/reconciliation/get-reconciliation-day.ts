import type { z } from 'zod';
import { assertCan } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { db } from '@/server/db/client';
import { accountDayInput, findChannelAccount } from './find-channel-account';
import { dayStatus } from './run-view';

export const getReconciliationDayInput = accountDayInput;

/** The discrepancies of a channel account's day, ours and the channel's side by side, the day's bills and status. */
export async function getReconciliationDay(options: { actor: Actor; input: z.infer<typeof getReconciliationDayInput> }) {
  assertCan(options.actor, 'reconciliation.read');
  const { paymentChannelId, date } = options.input;
  const account = await findChannelAccount(options.actor, paymentChannelId);
  const day = new Date(`${date}T00:00:00Z`);
  const [run, bills] = await Promise.all([
    db().reconciliationRun.findUnique({
      where: { paymentChannelId_runDate: { paymentChannelId, runDate: day } },
      include: { discrepancies: { orderBy: [{ kind: 'asc' }, { serialNo: 'asc' }, { refundSerialNo: 'asc' }] } },
    }),
    db().channelBill.findMany({
      where: { paymentChannelId, billDate: day },
      select: { id: true, billType: true, status: true, empty: true, failureCode: true, failureMessage: true, fileName: true, sizeBytes: true, attemptedAt: true, downloadedAt: true, file: { select: { billId: true } } },
      orderBy: { billType: 'asc' },
    }),
  ]);
  return {
    account,
    date,
    status: dayStatus(date, run ?? undefined),
    bills: bills.map(({ file, ...bill }) => ({ ...bill, hasFile: file !== null })),
    discrepancies: (run?.discrepancies ?? []).map((line) => ({
      id: line.id,
      kind: line.kind,
      reason: line.reason,
      reasonParams: line.reasonParams,
      detail: line.detail,
      billLine: line.billLine,
      ours: { serialNo: line.serialNo, refundSerialNo: line.refundSerialNo, amount: line.ourAmount, status: line.ourStatus },
      channel: { tradeNo: line.channelTradeNo, refundNo: line.channelRefundNo, amount: line.channelAmount, status: line.channelStatus },
      resolution: line.resolvedAt ? { resolvedAt: line.resolvedAt, resolvedBy: line.resolvedBy, note: line.note } : null,
    })),
  };
}
