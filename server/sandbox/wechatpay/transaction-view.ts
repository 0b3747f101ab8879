// A transaction as WeChat Pay describes it in query answers and in TRANSACTION.SUCCESS callbacks.
import type { SandboxWechatTrade } from '@/server/db/generated/client';
import { toWechatTime } from '@/server/gateway/channels/wechatpay/wechatpay-time';
import { effectiveState, TRADE_STATE_DESC } from './trade-state';

const TRADE_TYPES: Record<string, string> = { native: 'NATIVE', h5: 'MWEB', jsapi: 'JSAPI', app: 'APP' };

export const tradeTypeOf = (product: string) => TRADE_TYPES[product] ?? product.toUpperCase();

export function transactionView(trade: SandboxWechatTrade, now: Date): Record<string, unknown> {
  const state = effectiveState(trade, now);
  const paid = trade.paidAt !== null;
  return {
    appid: trade.appId,
    mchid: trade.mchId,
    out_trade_no: trade.outTradeNo,
    ...(paid ? { transaction_id: trade.transactionId, trade_type: trade.tradeType, bank_type: 'OTHERS' } : {}),
    trade_state: state,
    trade_state_desc: TRADE_STATE_DESC[state],
    attach: trade.attach ?? '',
    ...(trade.paidAt ? { success_time: toWechatTime(trade.paidAt) } : {}),
    ...(paid && trade.payerOpenId ? { payer: { openid: trade.payerOpenId } } : {}),
    amount: {
      total: trade.totalFen,
      ...(paid ? { payer_total: trade.totalFen } : {}),
      currency: trade.currency,
      payer_currency: trade.currency,
    },
    promotion_detail: [],
  };
}
