import type { ChannelAccount, PaymentState } from '@/server/gateway/types';
import { alipayError } from './error-map';
import { callAlipay } from './alipay-client';
import { fromBeijingTime } from '@/server/gateway/beijing-time';
import { yuanToFen } from '@/server/gateway/yuan';
import { mapTradeStatus } from './status-map';

export async function queryPayment(input: { account: ChannelAccount; serialNo: string }): Promise<PaymentState> {
  const result = await callAlipay(input.account, 'alipay.trade.query', { out_trade_no: input.serialNo });
  if (result.code === '40004') {
    if (result.sub_code === 'ACQ.TRADE_NOT_EXIST') return { state: 'NOT_FOUND', channelTradeNo: null, amount: null, paidAt: null, raw: result };
    throw alipayError(result, result);
  }
  const state = mapTradeStatus(result.trade_status as string | undefined);
  return {
    state,
    channelTradeNo: (result.trade_no as string | undefined) ?? null,
    amount: typeof result.total_amount === 'string' ? yuanToFen(result.total_amount) : null,
    paidAt: state === 'SUCCEEDED' ? fromBeijingTime(result.send_pay_date as string | undefined) : null,
    raw: result,
  };
}
