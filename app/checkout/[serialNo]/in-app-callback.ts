// The in-app authorizations come back to /checkout/{serialNo}/wechat (?code=) and /alipay (?auth_code=),
// the only redirect_uri the checkout ever gives. The attempt is made for the payer, and the checkout
// opens the app's payment sheet (?pay=app). The browser's nonce is spent whatever the outcome.
import { payInsideApp, type InAppChannel } from '@/server/core/payments/pay-inside-app';
import { AppError } from '@/server/errors/app-error';
import { clientIp } from '@/server/lib/client-ip';
import { requestIdFrom } from '@/server/lib/request-id';
import { authorizationCookieOf, clearAuthorizationCookie } from './authorization-cookie';
import { afterRefusal, see } from './checkout-redirects';

export async function finishInAppAuthorization(request: Request, options: { serialNo: string; channel: InAppChannel; codeParameter: string }): Promise<Response> {
  const { serialNo, channel } = options;
  const query = new URL(request.url).searchParams;
  const spent = { 'set-cookie': clearAuthorizationCookie(serialNo) };
  try {
    await payInsideApp({ serialNo, channel, code: query.get(options.codeParameter), state: query.get('state'), nonce: authorizationCookieOf(request), clientIp: clientIp(request.headers) });
    return see(`/checkout/${encodeURIComponent(serialNo)}?pay=app`, spent);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return afterRefusal(error, { serialNo, channel, requestId: requestIdFrom(request.headers) }, spent);
  }
}
