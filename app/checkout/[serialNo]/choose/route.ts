// POST /checkout/{serialNo}/choose: the payer of a CASHIER payment chose a channel (a plain form, so
// it works without JavaScript). Answers with a redirect: to the channel's page, to the app's
// authorization (WeChat Pay inside WeChat, Alipay JSAPI inside Alipay), back to the checkout (QR code, or a friendly message),
// never to anywhere else.
import { env } from '@/server/config/env';
import { checkoutEnvironment } from '@/server/core/payments/checkout-environment';
import { chooseCheckoutChannel } from '@/server/core/payments/choose-checkout-channel';
import { startInAppAuthorization } from '@/server/core/payments/pay-inside-app';
import { AppError } from '@/server/errors/app-error';
import { errorResponse } from '@/server/http/json-response';
import { clientIp } from '@/server/lib/client-ip';
import { requestIdFrom } from '@/server/lib/request-id';
import { afterRefusal, see } from '../checkout-redirects';
import { setAuthorizationCookie } from '../authorization-cookie';

export const dynamic = 'force-dynamic';

const CHANNELS = ['ALIPAY', 'WECHATPAY', 'EASYPAY'] as const;

export async function POST(request: Request, context: { params: Promise<{ serialNo: string }> }): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const { serialNo } = await context.params;
  // Only the checkout page itself may post here (a cross-site form cannot start payments).
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(env().PAYCENTER_BASE_URL).origin) return errorResponse(new AppError('FORBIDDEN'), requestId);
  const form = await request.formData().catch(() => null);
  const channel = CHANNELS.find((value) => value === form?.get('channel'));
  if (!channel) return errorResponse(AppError.invalidFields({ channel: `must be one of ${CHANNELS.join(', ')}` }), requestId);
  const environment = checkoutEnvironment(request.headers.get('user-agent'));

  try {
    // Inside WeChat or Alipay their JSAPI needs the payer's id: the app's authorization first, back at /checkout/{serialNo}/wechat or /alipay.
    const authorization = await startInAppAuthorization({ serialNo, channel, environment });
    if (authorization) {
      return new Response(null, { status: 303, headers: { location: authorization.url, 'cache-control': 'no-store', 'set-cookie': setAuthorizationCookie(serialNo, authorization.nonce) } });
    }
    const chosen = await chooseCheckoutChannel({ serialNo, channel, environment, clientIp: clientIp(request.headers) });
    switch (chosen.action.type) {
      case 'REDIRECT':
        return new Response(null, { status: 303, headers: { location: chosen.action.url, 'cache-control': 'no-store' } });
      case 'FORM':
        return new Response(chosen.action.html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
      case 'QR_CODE':
        return see(`/checkout/${chosen.serialNo}`);
      case 'SDK_PARAMS':
        throw new AppError('METHOD_NOT_SUPPORTED', 'The checkout cannot pay with an SDK method.');
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return afterRefusal(error, { serialNo, channel, requestId });
  }
}
