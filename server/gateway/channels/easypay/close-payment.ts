import { ChannelError } from '@/server/gateway/channel-error';
import type { ChannelAccount } from '@/server/gateway/types';
import { queryEasypayOrder } from './query-order';

/**
 * epay has no close: an unpaid order simply stays unpaid at the gateway, so closing is the center's
 * own decision and this only makes sure the order was not paid meanwhile. Should the user still pay
 * it later, the gateway's callback reports the money and the core records the attempt as paid. A
 * paid order refuses (non-retryable) so that the core settles the attempt by query.
 */
export async function closePayment(input: { account: ChannelAccount; serialNo: string }): Promise<{ raw: unknown }> {
  const order = await queryEasypayOrder(input.account, input.serialNo);
  if (order?.state === 'SUCCEEDED') {
    throw new ChannelError({ channelCode: 'EASYPAY_TRADE_PAID', channelMessage: 'The order is paid and cannot be closed', retryable: false, raw: order.raw });
  }
  return { raw: order?.raw ?? { code: 'NOT_FOUND' } };
}
