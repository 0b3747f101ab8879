import type { ChannelAccount } from '@/server/gateway/types';
import { callAlipay } from './alipay-client';
import { alipayError } from './error-map';

/**
 * Closes an unpaid trade. A trade Alipay never saw (the user never opened the page) needs no
 * closing; a paid one cannot be closed and comes back as ACQ.TRADE_STATUS_ERROR for the core to query.
 */
export async function closePayment(input: { account: ChannelAccount; serialNo: string }): Promise<{ raw: unknown }> {
  const result = await callAlipay(input.account, 'alipay.trade.close', { out_trade_no: input.serialNo });
  if (result.code === '40004' && result.sub_code !== 'ACQ.TRADE_NOT_EXIST') throw alipayError(result, result);
  return { raw: result };
}
