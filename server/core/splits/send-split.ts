import { db } from '@/server/db/client';
import type { Payment } from '@/server/db/generated/client';
import { ChannelError } from '@/server/gateway/channel-error';
import { logger } from '@/server/logging/logger';
import { applySplitState, type AppliedSplitState } from './apply-split-state';
import { splitChannelOf, splitTradeNo } from './split-channel';

/**
 * Asks the channel to make one split and applies its answer; outside any transaction. The channel
 * makes a split once per splitSerialNo (WeChat Pay out_order_no, Alipay out_request_no), so sending it again after a lost
 * answer is safe. A refusal that will not change on retrying fails the split (its amount becomes
 * splittable again); anything else leaves it PROCESSING for the scheduled split query.
 */
export async function sendSplit(options: { splitSerialNo: string; payment: Pick<Payment, 'serialNo' | 'paymentChannelId' | 'channelTradeNo'>; now?: Date }): Promise<AppliedSplitState> {
  const { splitSerialNo, payment, now } = options;
  try {
    const { splits, account } = await splitChannelOf(payment);
    const split = await db().split.findUniqueOrThrow({ where: { splitSerialNo }, include: { lines: { include: { receiver: true }, orderBy: { position: 'asc' } } } });
    const state = await splits.split({
      account,
      serialNo: payment.serialNo,
      channelTradeNo: splitTradeNo(payment),
      splitSerialNo,
      lines: split.lines.map((line) => ({ accountType: line.receiver.accountType, account: line.receiver.account, amount: line.amount, description: line.description })),
      finish: split.finish,
    });
    return await applySplitState({ splitSerialNo, outcome: { kind: 'ANSWER', state }, now });
  } catch (error) {
    if (error instanceof ChannelError && !error.retryable) {
      return applySplitState({ splitSerialNo, outcome: { kind: 'REFUSED', code: error.channelCode, message: error.channelMessage }, now });
    }
    logger().warn({ err: error, splitSerialNo, serialNo: payment.serialNo }, 'split outcome unknown; the split query settles it');
    return applySplitState({ splitSerialNo, outcome: { kind: 'ANSWER', state: { state: 'PROCESSING', channelSplitNo: null, lines: [], raw: null } }, now });
  }
}
