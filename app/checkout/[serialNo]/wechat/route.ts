// GET /checkout/{serialNo}/wechat?code=…&state=…: WeChat's web authorization comes back here (the
// only redirect_uri the checkout ever gives). The JSAPI attempt is made with the payer's openid, and
// the checkout opens WeChat's payment sheet (?pay=wechat).
import { payInsideWechat } from '@/server/core/payments/pay-inside-wechat';
import { AppError } from '@/server/errors/app-error';
import { clientIp } from '@/server/lib/client-ip';
import { requestIdFrom } from '@/server/logging/logger';
import { afterRefusal, see } from '../checkout-redirects';
import { authorizationCookieOf, clearAuthorizationCookie } from './authorization-cookie';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ serialNo: string }> }): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const { serialNo } = await context.params;
  const query = new URL(request.url).searchParams;
  const spent = { 'set-cookie': clearAuthorizationCookie(serialNo) };
  try {
    await payInsideWechat({ serialNo, code: query.get('code'), state: query.get('state'), nonce: authorizationCookieOf(request), clientIp: clientIp(request.headers) });
    return see(`/checkout/${encodeURIComponent(serialNo)}?pay=wechat`, spent);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return afterRefusal(error, { serialNo, channel: 'WECHATPAY', requestId }, spent);
  }
}
