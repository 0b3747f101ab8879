// Paying a CASHIER checkout inside WeChat: WeChat's web authorization (snsapi_base) gives the payer's
// openid to the checkout's own URL, and the attempt is made by JSAPI with it.
import { env } from '@/server/config/env';
import { AppError } from '@/server/errors/app-error';
import { exchangeWechatCode, wechatAuthorizeUrl } from '@/server/gateway/channels/wechatpay/web-authorization';
import { channelAppError } from './channel-call';
import { chooseCheckoutChannel, resolveCheckoutChoice, type ChosenChannel } from './choose-checkout-channel';
import { authorizationNonce, signAuthorizationState, verifyAuthorizationState } from './wechat-authorization-state';

/** Always the checkout's own callback, so an authorization can lead nowhere else. */
export const wechatAuthorizationCallback = (serialNo: string) => `${env().PAYCENTER_BASE_URL}/checkout/${encodeURIComponent(serialNo)}/wechat`;

const choice = (serialNo: string, now: Date) => ({ serialNo, channel: 'WECHATPAY', environment: 'WECHAT', now }) as const;

/**
 * Where to send the payer's WeChat to authorize, and the nonce its browser must keep (in a cookie)
 * for the callback: the state is bound to both and to this checkout.
 */
export async function startWechatAuthorization(options: { serialNo: string; now?: Date }): Promise<{ url: string; nonce: string }> {
  const now = options.now ?? new Date();
  const { target } = await resolveCheckoutChoice(choice(options.serialNo, now));
  const nonce = authorizationNonce();
  const state = signAuthorizationState({ serialNo: options.serialNo, nonce, now });
  return { url: wechatAuthorizeUrl(target.account, { redirectUri: wechatAuthorizationCallback(options.serialNo), state }), nonce };
}

/**
 * WeChat came back with a code: check the state against this checkout and the browser's nonce,
 * exchange the code for the payer's openid, and make the JSAPI attempt with it. The openid goes to
 * WeChat Pay with the attempt and nowhere else.
 */
export async function payInsideWechat(options: { serialNo: string; code: string | null; state: string | null; nonce: string | null; clientIp?: string | null; now?: Date }): Promise<ChosenChannel> {
  const now = options.now ?? new Date();
  if (!verifyAuthorizationState({ serialNo: options.serialNo, nonce: options.nonce, state: options.state, now })) {
    throw new AppError('FORBIDDEN', 'This WeChat authorization is not for this checkout, was already used, or has expired.');
  }
  if (!options.code) throw AppError.invalidFields({ code: 'WeChat sent no authorization code' });
  const { target } = await resolveCheckoutChoice(choice(options.serialNo, now));
  let openId: string;
  try {
    openId = await exchangeWechatCode(target.account, options.code);
  } catch (error) {
    throw channelAppError(error, { serialNo: options.serialNo });
  }
  return chooseCheckoutChannel({ ...choice(options.serialNo, now), clientIp: options.clientIp, payerOpenId: openId });
}
