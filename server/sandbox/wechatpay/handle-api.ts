// The simulated https://api.mch.weixin.qq.com under `${base}/sandbox/wechatpay`: verify the merchant's
// signature like WeChat, run the endpoint, answer signed like WeChat (errors included).
import { WechatpayApiError } from './api-error';
import { applyFundFlowBill, applyTradeBill, BILL_DOWNLOAD_PATH, downloadBill } from './bill/bill-endpoints';
import { listCertificates } from './certificates';
import { createTransaction, type Product } from './create-transaction';
import { closeTransaction, queryByOutTradeNo, queryByTransactionId } from './query-transaction';
import { createProfitSharingOrder, queryProfitSharingOrder, unfreezeProfitSharing } from './profit-sharing/orders';
import { addReceiver, deleteReceiver } from './profit-sharing/receivers';
import { createReturnOrder, queryReturnOrder } from './profit-sharing/return-orders';
import { createRefund, queryRefund } from './refunds';
import { signedResponse } from './simulator-signature';
import { claimedVerifyMode, verifyWechatpayRequest, type VerifiedRequest } from './verify-request';

type Endpoint = (request: VerifiedRequest, now: Date, segment: string) => Promise<Record<string, unknown> | null | Response>;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  run: Endpoint;
  status?: number;
}

const ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/v3\/pay\/transactions\/(native|h5|jsapi|app)$/, run: (r, now, product) => createTransaction(r, product as Product, now) },
  { method: 'GET', pattern: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/, run: (r, now, no) => queryByOutTradeNo(r, no, now) },
  { method: 'GET', pattern: /^\/v3\/pay\/transactions\/id\/([^/]+)$/, run: (r, now, id) => queryByTransactionId(r, id, now) },
  { method: 'POST', pattern: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/, run: (r, now, no) => closeTransaction(r, no, now), status: 204 },
  { method: 'POST', pattern: /^\/v3\/refund\/domestic\/refunds$/, run: (r, now) => createRefund(r, now) },
  { method: 'GET', pattern: /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/, run: (r, _now, no) => queryRefund(r, no) },
  { method: 'POST', pattern: /^\/v3\/profitsharing\/receivers\/add$/, run: (r) => addReceiver(r) },
  { method: 'POST', pattern: /^\/v3\/profitsharing\/receivers\/delete$/, run: (r) => deleteReceiver(r) },
  { method: 'POST', pattern: /^\/v3\/profitsharing\/orders$/, run: (r, now) => createProfitSharingOrder(r, now) },
  { method: 'POST', pattern: /^\/v3\/profitsharing\/orders\/unfreeze$/, run: (r, now) => unfreezeProfitSharing(r, now) },
  { method: 'GET', pattern: /^\/v3\/profitsharing\/orders\/([^/]+)$/, run: (r, _now, no) => queryProfitSharingOrder(r, no) },
  { method: 'POST', pattern: /^\/v3\/profitsharing\/return-orders$/, run: (r, now) => createReturnOrder(r, now) },
  { method: 'GET', pattern: /^\/v3\/profitsharing\/return-orders\/([^/]+)$/, run: (r, _now, no) => queryReturnOrder(r, no) },
  { method: 'GET', pattern: /^\/v3\/certificates$/, run: (r) => listCertificates(r) },
  { method: 'GET', pattern: /^\/v3\/bill\/tradebill$/, run: (r, now) => applyTradeBill(r, now) },
  { method: 'GET', pattern: /^\/v3\/bill\/fundflowbill$/, run: (r, now) => applyFundFlowBill(r, now) },
  { method: 'GET', pattern: new RegExp(`^${BILL_DOWNLOAD_PATH}$`), run: (r) => downloadBill(r) },
];

function route(request: VerifiedRequest): { route: Route; segment: string } {
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(request.path);
    if (match && candidate.method === request.method) return { route: candidate, segment: decodeURIComponent(match[1] ?? '') };
  }
  throw new WechatpayApiError(404, 'NOT_FOUND', `${request.method} ${request.path} 不存在`);
}

export async function handleWechatpayApi(request: Request, now = new Date()): Promise<Response> {
  let verified: VerifiedRequest | null = null;
  try {
    verified = await verifyWechatpayRequest(request, now);
    const { route: matched, segment } = route(verified);
    const result = await matched.run(verified, now, segment);
    if (result instanceof Response) return result;
    return await signedResponse(matched.status ?? 200, result, verified.merchant.verifyMode, now);
  } catch (error) {
    if (!(error instanceof WechatpayApiError)) throw error;
    // A refusal is signed too, under the serial the claimed merchant trusts.
    return signedResponse(error.status, error.toBody(), verified?.merchant.verifyMode ?? (await claimedVerifyMode(request)), now);
  }
}
