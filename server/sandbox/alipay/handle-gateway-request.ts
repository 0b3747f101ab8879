// The simulated https://openapi.alipay.com/gateway.do: verify like Alipay, run the method, answer like Alipay.
// API methods answer signed JSON; page methods (page.pay, wap.pay, and an app.pay order string opened as
// the Alipay app would) answer the browser with the simulated cashier, or an error page.
import { alipayResponseKey } from '@/server/gateway/channels/alipay/response-signature';
import { AlipayGatewayError } from './gateway-error';
import { alipayJsonResponse, type AlipayPayload } from './gateway-response';
import { CASHIER_PATH } from './cashier-url';
import { alipayCertDownload } from './methods/alipaycert-download';
import { billDownloadUrlQuery } from './methods/bill-downloadurl-query';
import { orderSettle, orderSettleQuery } from './methods/order-settle';
import { refundQuery } from './methods/refund-query';
import { tradeClose } from './methods/trade-close';
import { createTradeFor, tradeCreate, tradePrecreate } from './methods/trade-create';
import { tradeQuery } from './methods/trade-query';
import { tradeRefund } from './methods/trade-refund';
import { readGatewayParams } from './read-gateway-request';
import { royaltyRelationBind, royaltyRelationUnbind } from './royalty/relations';
import { simulatorSignerFor } from './simulator-signature';
import { verifyGatewayRequest, type GatewayRequest } from './verify-gateway-request';
import { systemOauthToken } from './web-authorization';

type ApiMethod = (request: GatewayRequest, now: Date) => Promise<AlipayPayload>;

const API_METHODS: Readonly<Record<string, ApiMethod>> = {
  'alipay.trade.precreate': tradePrecreate,
  'alipay.trade.create': tradeCreate,
  'alipay.trade.query': tradeQuery,
  'alipay.trade.close': tradeClose,
  'alipay.trade.refund': tradeRefund,
  'alipay.trade.fastpay.refund.query': refundQuery,
  'alipay.data.dataservice.bill.downloadurl.query': billDownloadUrlQuery,
  'alipay.trade.royalty.relation.bind': royaltyRelationBind,
  'alipay.trade.royalty.relation.unbind': royaltyRelationUnbind,
  'alipay.trade.order.settle': orderSettle,
  'alipay.trade.order.settle.query': orderSettleQuery,
  'alipay.open.app.alipaycert.download': alipayCertDownload,
  'alipay.system.oauth.token': systemOauthToken,
};

const PAGE_METHODS = ['alipay.trade.page.pay', 'alipay.trade.wap.pay', 'alipay.trade.app.pay'] as const;
type PageMethod = (typeof PAGE_METHODS)[number];

function isPageMethod(method: string | undefined): method is PageMethod {
  return (PAGE_METHODS as readonly (string | undefined)[]).includes(method);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function errorPage(error: AlipayGatewayError): Response {
  const payload = error.toPayload();
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>支付宝沙箱 - 错误</title></head>
<body style="font-family:sans-serif;margin:24px"><p style="background:#fff7e6;padding:8px">沙箱 SANDBOX</p><h1 style="color:#1677FF">支付宝</h1>
<p>抱歉，您的操作出现错误。</p><p>错误代码 ${escapeHtml(payload.sub_code ?? '')}</p><p>${escapeHtml(payload.sub_msg ?? '')}</p></body></html>`;
  return new Response(html, { status: 400, headers: { 'content-type': 'text/html;charset=utf-8' } });
}

async function run(request: Request, now: Date, method: string | undefined): Promise<Response> {
  const verified = await verifyGatewayRequest(await readGatewayParams(request), now);
  if (isPageMethod(verified.method)) {
    const trade = await createTradeFor(verified, verified.method, now);
    // Relative, so the browser stays on whichever host it reached us by; 303 turns a form POST into a GET.
    return new Response(null, { status: request.method === 'POST' ? 303 : 302, headers: { location: `${CASHIER_PATH}/${trade.tradeNo}` } });
  }
  const apiMethod = API_METHODS[verified.method];
  if (!apiMethod) throw new AlipayGatewayError('40002', 'isv.invalid-method', `不存在的方法名：${method ?? ''}`);
  return alipayJsonResponse(alipayResponseKey(verified.method), await apiMethod(verified, now), await simulatorSignerFor(verified.appId));
}

export async function handleAlipayGateway(request: Request, now = new Date()): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const method = query.get('method') ?? undefined;
  try {
    return await run(request, now, method);
  } catch (error) {
    if (!(error instanceof AlipayGatewayError)) throw error;
    if (isPageMethod(method)) return errorPage(error);
    const known = method !== undefined && (Object.hasOwn(API_METHODS, method));
    // The SDK puts app_id in the query string; an answer to a cert-mode app is signed under Alipay's certificate.
    return alipayJsonResponse(known ? alipayResponseKey(method) : 'error_response', error.toPayload(), await simulatorSignerFor(query.get('app_id')));
  }
}
