// alipay.trade.query
import { fenToYuan } from '@/server/gateway/yuan';
import { toBeijingTime } from '@/server/gateway/beijing-time';
import { parseBiz, tradeRef } from '../biz-content';
import { findVisibleTrade } from '../find-trade';
import type { AlipayPayload } from '../gateway-response';
import { maskedLogonId } from '../trade-ids';
import type { GatewayRequest } from '../verify-gateway-request';

export async function tradeQuery(request: GatewayRequest): Promise<AlipayPayload> {
  const trade = await findVisibleTrade(request.appId, parseBiz(tradeRef, request.bizContent));
  const total = fenToYuan(trade.totalFen);
  const paid = trade.paidAt ? fenToYuan(trade.totalFen) : '0.00';
  return {
    code: '10000',
    msg: 'Success',
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    trade_status: trade.status,
    total_amount: total,
    buyer_pay_amount: paid,
    receipt_amount: paid,
    invoice_amount: paid,
    point_amount: '0.00',
    ...(trade.buyerId ? { buyer_user_id: trade.buyerId, buyer_logon_id: maskedLogonId(trade.buyerId), buyer_user_type: 'PRIVATE' } : {}),
    ...(trade.buyerOpenId ? { buyer_open_id: trade.buyerOpenId } : {}),
    ...(trade.paidAt ? { send_pay_date: toBeijingTime(trade.paidAt) } : {}),
  };
}
