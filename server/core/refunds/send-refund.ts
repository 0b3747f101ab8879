import type { Payment, Refund } from '@/server/db/generated/client';
import { ChannelError } from '@/server/gateway/channel-error';
import { logger } from '@/server/logging/logger';
import { channelOf } from '../payments/channel-call';
import { channelNotifyUrl } from '../payments/notify-url';
import { applyRefundState, type AppliedRefundState } from './apply-refund-state';

/**
 * Asks the channel to make one refund and applies its answer; outside any transaction. The channel
 * makes a refund once per refundSerialNo (Alipay out_request_no, WeChat out_refund_no), so sending
 * the same refund again, after a lost answer, is safe. A refusal that will not change on retrying
 * fails the refund (its amount becomes refundable again); anything else — a retryable refusal, a
 * timeout, an answer we could not read — leaves it PROCESSING for the scheduled refund query.
 */
export async function sendRefund(options: {
  refund: Pick<Refund, 'refundSerialNo' | 'amount' | 'reason'>;
  payment: Pick<Payment, 'serialNo' | 'channel' | 'paymentChannelId' | 'channelTradeNo' | 'amount'>;
  now?: Date;
}): Promise<AppliedRefundState> {
  const { refund, payment, now } = options;
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
