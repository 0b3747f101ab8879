import { db } from '@/server/db/client';
import type { NotificationOutcome } from '@/server/db/generated/client';
import type { SplitNotification } from '@/server/gateway/types';
import { raiseAlert } from '@/server/messaging/raise-alert';
import { applySplitState } from '../splits/apply-split-state';

/** How a verified split notification is recorded. */
export interface ReceivedSplitNotification {
  outcome: NotificationOutcome;
  reason?: string;
  serialNo?: string;
  companyId?: string;
}

/**
 * A receiver's share settled at the channel (WeChat Pay PROFITSHARING.*), already verified: matched to
 * one of this payment ID's splits (same trade) and to the line of that receiver with the same amount,
 * then settled by the same path as the split's answer and query. A repeat changes nothing.
 */
export async function receiveSplitNotification(options: { paymentId: string; notification: SplitNotification }): Promise<ReceivedSplitNotification> {
  const { paymentId, notification } = options;
  const split = await db().split.findUnique({
    where: { splitSerialNo: notification.splitSerialNo },
    include: { payment: { select: { paymentChannelId: true, channelTradeNo: true } }, lines: { include: { receiver: { select: { accountType: true, account: true } } } } },
  });
  if (!split || split.payment.paymentChannelId !== paymentId || notification.channelTradeNo !== split.payment.channelTradeNo) {
    // Signed by the channel, but not about a split of this payment ID: nothing of ours to change.
    return { outcome: 'REJECTED', reason: 'no such split for this payment ID' };
  }
  const recorded = { serialNo: split.serialNo, companyId: split.companyId };
  const { line } = notification;
  const ours = split.lines.find((candidate) => candidate.receiver.accountType === line.accountType && candidate.receiver.account === line.account);
  if (!ours) return { outcome: 'REJECTED', reason: 'no such receiver in this split', ...recorded };
  if (line.amount !== ours.amount) {
    const reason = `split line amount ${line.amount} ≠ ${ours.amount}`;
    await raiseAlert(db(), { kind: 'AMOUNT_MISMATCH', companyId: split.companyId, serialNo: split.serialNo, message: `Split ${split.splitSerialNo}: ${reason}`, details: { splitSerialNo: split.splitSerialNo } });
    return { outcome: 'AMOUNT_MISMATCH', reason, ...recorded };
  }
  const applied = await applySplitState({ splitSerialNo: split.splitSerialNo, outcome: { kind: 'LINE', line, channelSplitNo: notification.channelSplitNo } });
  return { outcome: applied.changed ? 'APPLIED' : 'UNCHANGED', ...recorded };
}
