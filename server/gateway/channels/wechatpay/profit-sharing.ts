import type { ProfitSharing } from 'wechatpay-node-v3/dist/lib/interface-v2';
import type { ChannelAccount, ChannelSplitLineState, FinishSplitInput, SplitInput, SplitState } from '@/server/gateway/types';
import { wechatFen } from './amounts';
import { invalidResponse } from './error-map';
import { wechatReceiverType } from './receiver-type';
import { callWechatPay, requireSuccess, verifiedErrorCode, type WechatAnswer } from './wechatpay-client';

type OrderAnswer = Partial<ProfitSharing.ProfitSharingOrderDetailOutput>;

/** A receiver's result: unknown results stay PROCESSING, never success. */
function lineState(result: string | undefined): ChannelSplitLineState {
  switch (result) {
    case 'SUCCESS':
      return 'SUCCEEDED';
    case 'CLOSED':
      return 'FAILED';
    case 'PENDING':
    default:
      return 'PROCESSING';
  }
}

/** The profit-sharing order WeChat answered about, checked to be the one asked for. */
function splitState(answer: WechatAnswer, outOrderNo: string): SplitState {
  const order = requireSuccess<OrderAnswer>(answer);
  if (order.out_order_no !== outOrderNo) throw invalidResponse('WECHATPAY_BAD_ANSWER', 'WeChat Pay answered about another profit-sharing order', order);
  return {
    state: order.state === 'FINISHED' ? 'FINISHED' : 'PROCESSING',
    channelSplitNo: order.order_id ?? null,
    lines: (order.receivers ?? []).map((receiver) => ({
      accountType: receiver.type,
      account: receiver.account,
      amount: receiver.amount,
      state: lineState(receiver.result),
      failReason: receiver.fail_reason || null,
      channelDetailId: receiver.detail_id || null,
    })),
    raw: order,
  };
}

/**
 * POST /v3/profitsharing/orders keyed by out_order_no = our split serial, so asking again never splits
 * twice. With `finish` WeChat unfreezes what is left once this split is done (unfreeze_unsplit).
 */
export async function split(input: SplitInput): Promise<SplitState> {
  const answer = await callWechatPay(input.account, (client) =>
    client.create_profitsharing_orders({
      transaction_id: input.channelTradeNo,
      out_order_no: input.splitSerialNo,
      receivers: input.lines.map((line) => ({ type: wechatReceiverType(line.accountType), account: line.account, amount: wechatFen(line.amount), description: line.description })),
      unfreeze_unsplit: input.finish,
    }),
  );
  return splitState(answer, input.splitSerialNo);
}

/** GET /v3/profitsharing/orders/{out_order_no}; an order WeChat does not know is NOT_FOUND (only when it says so, signed). */
export async function querySplit(input: { account: ChannelAccount; channelTradeNo: string; splitSerialNo: string }): Promise<SplitState> {
  const answer = await callWechatPay(input.account, (client) => client.query_profitsharing_orders(input.channelTradeNo, input.splitSerialNo));
  if (verifiedErrorCode(answer) === 'RESOURCE_NOT_EXISTS') return { state: 'NOT_FOUND', channelSplitNo: null, lines: [], raw: answer.data };
  return splitState(answer, input.splitSerialNo);
}

/** POST /v3/profitsharing/orders/unfreeze: releases the held rest to the merchant; its own out_order_no makes it safe to repeat. */
export async function finishSplit(input: FinishSplitInput): Promise<{ state: 'PROCESSING' | 'FINISHED'; raw: unknown }> {
  const answer = await callWechatPay(input.account, (client) =>
    client.profitsharing_orders_unfreeze({ transaction_id: input.channelTradeNo, out_order_no: input.finishOrderNo, description: '解冻全部剩余资金' }),
  );
  const state = splitState(answer, input.finishOrderNo);
  return { state: state.state === 'FINISHED' ? 'FINISHED' : 'PROCESSING', raw: state.raw };
}
