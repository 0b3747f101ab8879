import type { Payment, Refund } from '@/server/db/generated/client';
import { db } from '@/server/db/client';
import { ChannelError } from '@/server/gateway/channel-error';
import type { ChannelPlugin, RefundInput, SplitAccount } from '@/server/gateway/types';
import { logger } from '@/server/logging/logger';
import { channelOf } from '../payments/channel-call';
import { channelNotifyUrl } from '../payments/notify-url';
import { applyRefundState, type AppliedRefundState } from './apply-refund-state';
import { returnSplitMoneyFirst } from './return-split-money-first';

/**
 * The money the refund itself takes back from receivers, on a channel that does it inside the refund
 * (Alipay refund_royalty_parameters): per receiver, summed over the refund's returns. The same on every
 * send of the refund, whatever state the returns are in.
 */
async function splitReturnsWithRefund(plugin: ChannelPlugin, refundSerialNo: string): Promise<Pick<RefundInput, 'splitReturns'>> {
  if (plugin.splits.kind !== 'SUPPORTED' || plugin.splits.returns.kind !== 'WITH_REFUND') return {};
  const returns = await db().splitReturn.findMany({ where: { refundSerialNo }, include: { line: { include: { receiver: true } } }, orderBy: { sequence: 'asc' } });
  if (returns.length === 0) return {};
  const byReceiver = new Map<string, SplitAccount & { amount: number }>();
  for (const { amount, line } of returns) {
    const { accountType, account } = line.receiver;
    const key = `${accountType}:${account}`;
    byReceiver.set(key, { accountType, account, amount: (byReceiver.get(key)?.amount ?? 0) + amount });
  }
  return { splitReturns: [...byReceiver.values()] };
}

/**
 * Asks the channel to make one refund and applies its answer; outside any transaction. Money split to
 * receivers that the refund needs comes back first (returnSplitMoneyFirst). The channel
 * makes a refund once per refundSerialNo (Alipay out_request_no, WeChat out_refund_no), so sending
 * the same refund again, after a lost answer, is safe. A refusal that will not change on retrying
 * fails the refund (its amount becomes refundable again); anything else — a retryable refusal, a
 * timeout, an answer we could not read — leaves it PROCESSING for the scheduled refund query.
 */
export async function sendRefund(options: {
  refund: Pick<Refund, 'refundSerialNo' | 'amount' | 'reason'>;
  payment: Pick<Payment, 'serialNo' | 'channel' | 'paymentChannelId' | 'channelTradeNo' | 'amount'>;
  /** The refund query's turn: a split return may have been sent before, so the channel is asked about it first. */
  queryReturnsFirst?: boolean;
  now?: Date;
}): Promise<AppliedRefundState> {
  const { refund, payment, now } = options;
  const returning = await returnSplitMoneyFirst({ refundSerialNo: refund.refundSerialNo, payment, queryFirst: options.queryReturnsFirst ?? false, now });
  if (returning) return returning;
  try {
    const { plugin, account } = await channelOf(payment);
    const state = await plugin.refund({
      account,
      serialNo: payment.serialNo,
      channelTradeNo: payment.channelTradeNo,
      refundSerialNo: refund.refundSerialNo,
      amount: refund.amount,
      totalAmount: payment.amount,
      reason: refund.reason,
      notifyUrl: channelNotifyUrl(account.channel, account.paymentId),
      ...(await splitReturnsWithRefund(plugin, refund.refundSerialNo)),
    });
    return await applyRefundState({ refundSerialNo: refund.refundSerialNo, state: state.state, channelRefundNo: state.channelRefundNo, now });
  } catch (error) {
    if (error instanceof ChannelError && !error.retryable) {
      return applyRefundState({ refundSerialNo: refund.refundSerialNo, state: 'FAILED', failure: { code: error.channelCode, message: error.channelMessage }, now });
    }
    logger().warn({ err: error, refundSerialNo: refund.refundSerialNo, serialNo: payment.serialNo }, 'refund outcome unknown; the refund query settles it');
    return applyRefundState({ refundSerialNo: refund.refundSerialNo, state: 'PROCESSING', now });
  }
}
