// alipay.trade.close: only a trade waiting for payment can be closed.
import { parseBiz, tradeRef } from '../biz-content';
import { closeWaitingTrade } from '../close-trade';
import { findVisibleTrade } from '../find-trade';
import { businessError } from '../gateway-error';
import type { AlipayPayload } from '../gateway-response';
import type { GatewayRequest } from '../verify-gateway-request';

export async function tradeClose(request: GatewayRequest, now: Date): Promise<AlipayPayload> {
  const trade = await findVisibleTrade(request.appId, parseBiz(tradeRef, request.bizContent));
  if (!(await closeWaitingTrade(trade, now))) throw businessError('ACQ.TRADE_STATUS_ERROR', '交易状态不合法：只有等待付款的交易可以关闭');
  return { code: '10000', msg: 'Success', trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo };
}
