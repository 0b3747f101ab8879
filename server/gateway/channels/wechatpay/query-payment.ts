import type { ChannelAccount, PaymentState } from '@/server/gateway/types';
import { reportedFen } from './amounts';
import { invalidResponse } from './error-map';
import { mapTradeState } from './status-map';
import { callWechatPay, requireSuccess, verifiedErrorCode, wechatPayCredentials } from './wechatpay-client';
import { fromWechatTime } from './wechatpay-time';

interface Transaction {
  mchid?: string;
  appid?: string;
  out_trade_no?: string;
  transaction_id?: string;
  trade_state?: string;
  success_time?: string;
  amount?: { total?: number };
}

/** The WeChat Pay order of an attempt. An order WeChat never saw is a result (NOT_FOUND), not an error. */
export async function queryPayment(input: { account: ChannelAccount; serialNo: string }): Promise<PaymentState> {
  const answer = await callWechatPay(input.account, (client) => client.query({ out_trade_no: input.serialNo }));
  if (verifiedErrorCode(answer) === 'ORDER_NOT_EXIST') return { state: 'NOT_FOUND', channelTradeNo: null, amount: null, paidAt: null, raw: answer.data };
  const trade = requireSuccess<Transaction>(answer);
  // A signed answer about another order or merchant (replayed, or misrouted) must not settle this one.
  if (trade.out_trade_no !== input.serialNo || trade.mchid !== wechatPayCredentials(input.account).mchId) {
    throw invalidResponse('WECHATPAY_BAD_ANSWER', 'WeChat Pay answered about another order or merchant', trade);
  }
  const state = mapTradeState(trade.trade_state);
  return {
    state,
    channelTradeNo: trade.transaction_id ?? null,
    amount: reportedFen(trade.amount?.total),
    paidAt: state === 'SUCCEEDED' ? fromWechatTime(trade.success_time) : null,
    raw: trade,
  };
}
