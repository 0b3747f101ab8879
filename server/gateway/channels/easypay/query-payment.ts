import type { ChannelAccount, PaymentState } from '@/server/gateway/types';
import { queryEasypayOrder } from './query-order';

export async function queryPayment(input: { account: ChannelAccount; serialNo: string }): Promise<PaymentState> {
  const order = await queryEasypayOrder(input.account, input.serialNo);
  if (!order) return { state: 'NOT_FOUND', channelTradeNo: null, amount: null, paidAt: null, raw: { code: 'NOT_FOUND' } };
  return { state: order.state, channelTradeNo: order.tradeNo, amount: order.amount, paidAt: order.paidAt, raw: order.raw };
}
