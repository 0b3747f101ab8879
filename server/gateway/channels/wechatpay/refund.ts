import type { ChannelAccount, RefundInput, RefundState } from '@/server/gateway/types';
import { wechatFen } from './amounts';
import { invalidResponse } from './error-map';
import { mapRefundStatus } from './status-map';
import { callWechatPay, requireSuccess, type WechatAnswer } from './wechatpay-client';

interface RefundAnswer {
  refund_id?: string;
  out_refund_no?: string;
  out_trade_no?: string;
  status?: string;
}

/** The refund WeChat answered about, checked to be the one asked for. */
function refundState(answer: WechatAnswer, refundSerialNo: string): RefundState {
  const refund = requireSuccess<RefundAnswer>(answer);
  if (refund.out_refund_no !== refundSerialNo) throw invalidResponse('WECHATPAY_BAD_ANSWER', 'WeChat Pay answered about another refund', refund);
  return { state: mapRefundStatus(refund.status), channelRefundNo: refund.refund_id ?? null, raw: refund };
}

/**
 * A (partial) refund keyed by out_refund_no = our refund serial, so asking again never refunds
 * twice: WeChat answers the existing refund. Usually PROCESSING at first; the refund query settles it.
 */
export async function refund(input: RefundInput): Promise<RefundState> {
  const reason = input.reason ? [...input.reason].slice(0, 80).join('') : undefined;
  const answer = await callWechatPay(input.account, (client) =>
    client.refunds({
      out_trade_no: input.serialNo,
      out_refund_no: input.refundSerialNo,
      ...(reason ? { reason } : {}),
      ...(input.notifyUrl ? { notify_url: input.notifyUrl } : {}),
      amount: { refund: wechatFen(input.amount), total: wechatFen(input.totalAmount), currency: 'CNY' },
    }),
  );
  return refundState(answer, input.refundSerialNo);
}

/** A refund WeChat does not know (yet) stays PROCESSING: absence never frees the reserved amount. */
export async function queryRefund(input: { account: ChannelAccount; serialNo: string; refundSerialNo: string }): Promise<RefundState> {
  const answer = await callWechatPay(input.account, (client) => client.find_refunds(input.refundSerialNo));
  if (answer.verified && answer.status === 404) return { state: 'PROCESSING', channelRefundNo: null, raw: answer.data };
  return refundState(answer, input.refundSerialNo);
}
