// alipay.trade.precreate (QR code) and alipay.trade.create (mini program): API answers. The page methods
// (page, wap, app) create the same trade but answer the browser with the cashier; see handle-gateway-request.
import { createAlipayTrade, type CreateMethod } from '../create-trade';
import type { AlipayPayload } from '../gateway-response';
import type { GatewayRequest } from '../verify-gateway-request';
import { cashierUrl } from '../cashier-url';

export async function createTradeFor(request: GatewayRequest, method: CreateMethod, now: Date) {
  return createAlipayTrade({ appId: request.appId, method, bizContent: request.bizContent, notifyUrl: request.params.notify_url, returnUrl: request.params.return_url, now });
}

export async function tradePrecreate(request: GatewayRequest, now: Date): Promise<AlipayPayload> {
  const trade = await createTradeFor(request, 'alipay.trade.precreate', now);
  // The QR code a buyer scans opens the simulated cashier, as Alipay's opens its app.
  return { code: '10000', msg: 'Success', out_trade_no: trade.outTradeNo, qr_code: cashierUrl(trade.tradeNo) };
}

export async function tradeCreate(request: GatewayRequest, now: Date): Promise<AlipayPayload> {
  const trade = await createTradeFor(request, 'alipay.trade.create', now);
  return { code: '10000', msg: 'Success', out_trade_no: trade.outTradeNo, trade_no: trade.tradeNo };
}
