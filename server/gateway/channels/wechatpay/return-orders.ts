import type { ProfitSharing } from 'wechatpay-node-v3/dist/lib/interface-v2';
import { ChannelError } from '@/server/gateway/channel-error';
import type { ChannelAccount, SplitReturnInput, SplitReturnState } from '@/server/gateway/types';
import { wechatFen } from './amounts';
import { invalidResponse } from './error-map';
import { callWechatPay, requireSuccess, verifiedErrorCode, type WechatAnswer } from './wechatpay-client';

type ReturnAnswer = Partial<ProfitSharing.ProfitSharingReturnOrders.IDetail>;

/** The return order WeChat answered about, checked to be the one asked for; an unknown result stays PROCESSING, never success. */
function returnState(answer: WechatAnswer, outReturnNo: string): SplitReturnState {
  const order = requireSuccess<ReturnAnswer>(answer);
  if (order.out_return_no !== outReturnNo) throw invalidResponse('WECHATPAY_BAD_ANSWER', 'WeChat Pay answered about another return order', order);
  const state = order.result === 'SUCCESS' ? 'SUCCEEDED' : order.result === 'FAILED' ? 'FAILED' : 'PROCESSING';
  return { state, channelReturnNo: order.return_id || null, failReason: state === 'FAILED' ? order.fail_reason || 'FAILED' : null, raw: order };
}

/**
 * POST /v3/profitsharing/return-orders keyed by out_return_no = our return serial, so asking again
 * never returns twice. WeChat takes money back only from merchant receivers (return_mchid): money
 * split to a personal openid cannot come back, which is refused here without asking.
 */
export async function returnSplit(input: SplitReturnInput): Promise<SplitReturnState> {
  if (input.receiver.accountType !== 'MERCHANT_ID') {
    throw new ChannelError({ channelCode: 'RETURN_NOT_SUPPORTED', channelMessage: 'WeChat Pay returns only money split to merchant receivers (return_mchid)', retryable: false });
  }
  const answer = await callWechatPay(input.account, (client) =>
    client.profitsharing_return_orders({
      // WeChat takes one of the two; our own number always exists, the channel's may not have been learnt.
      ...(input.channelSplitNo ? { order_id: input.channelSplitNo } : { out_order_no: input.splitSerialNo }),
      out_return_no: input.returnSerialNo,
      return_mchid: input.receiver.account,
      amount: wechatFen(input.amount),
      description: input.description,
    }),
  );
  return returnState(answer, input.returnSerialNo);
}

/** GET /v3/profitsharing/return-orders/{out_return_no}?out_order_no=; a return WeChat does not know is NOT_FOUND (only when it says so, signed). */
export async function queryReturn(input: { account: ChannelAccount; splitSerialNo: string; returnSerialNo: string }): Promise<SplitReturnState> {
  const answer = await callWechatPay(input.account, (client) => client.query_profitsharing_return_orders(input.returnSerialNo, input.splitSerialNo));
  if (verifiedErrorCode(answer) === 'RESOURCE_NOT_EXISTS') return { state: 'NOT_FOUND', channelReturnNo: null, failReason: null, raw: answer.data };
  return returnState(answer, input.returnSerialNo);
}
