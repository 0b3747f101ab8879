// Paying a CASHIER checkout inside WeChat or Alipay with the app's own in-app payment: the app's web
// authorization (WeChat snsapi_base, Alipay auth_base) gives the payer's id to the checkout's own URL,
// and the attempt is made for that payer: WeChat Pay JSAPI with the openid, Alipay JSAPI
// (alipay.trade.create) with the buyer id, paid through the app's JS bridge.
import { env } from '@/server/config/env';
import type { PaymentChannel } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { alipayAuthorizeUrl, exchangeAlipayCode } from '@/server/gateway/channels/alipay/web-authorization';
import { exchangeWechatCode, wechatAuthorizeUrl } from '@/server/gateway/channels/wechatpay/web-authorization';
import type { ChannelAccount } from '@/server/gateway/types';
import { channelAppError } from './channel-call';
import type { CheckoutEnvironment } from './checkout-environment';
import { chooseCheckoutChannel, resolveCheckoutChoice, type ChosenChannel } from './choose-checkout-channel';
import { authorizationNonce, signAuthorizationState, verifyAuthorizationState } from './in-app-authorization-state';

export type InAppChannel = 'WECHATPAY' | 'ALIPAY';

interface InApp {
  environment: CheckoutEnvironment;
  /** The callback's last path segment under /checkout/{serialNo}/. */
  callback: string;
  /** Whether this payment ID pays by the app's JSAPI (else the checkout goes on as in a browser). */
  paysInApp: (channel: PaymentChannel) => boolean;
  authorizeUrl: (account: ChannelAccount, options: { redirectUri: string; state: string }) => string;
  exchange: (account: ChannelAccount, code: string) => Promise<string>;
  payer: (id: string) => { payerOpenId?: string; payerBuyerId?: string };
}

const IN_APP: Record<InAppChannel, InApp> = {
  // Inside WeChat there is no other way: H5 is refused there (the checkout offers WeChat Pay only when this works).
  WECHATPAY: { environment: 'WECHAT', callback: 'wechat', paysInApp: () => true, authorizeUrl: wechatAuthorizeUrl, exchange: exchangeWechatCode, payer: (id) => ({ payerOpenId: id }) },
  // Inside Alipay, WAP works too: JSAPI where the merchant enabled it (MINI_PROGRAM, the same alipay.trade.create).
  ALIPAY: {
    environment: 'ALIPAY',
    callback: 'alipay',
    paysInApp: (channel) => channel.invokeMethods.includes('MINI_PROGRAM'),
    authorizeUrl: alipayAuthorizeUrl,
    exchange: exchangeAlipayCode,
    payer: (id) => ({ payerBuyerId: id }),
  },
};

/** Always the checkout's own callback, so an authorization can lead nowhere else. */
const inAppAuthorizationCallback = (serialNo: string, channel: InAppChannel) => `${env().PAYCENTER_BASE_URL}/checkout/${encodeURIComponent(serialNo)}/${IN_APP[channel].callback}`;

const choice = (serialNo: string, channel: InAppChannel, now: Date) => ({ serialNo, channel, environment: IN_APP[channel].environment, now });

/**
 * Inside its own app, a channel that pays there first needs the payer's id: where to send the
 * payer's app to authorize, and the nonce its browser must keep (a cookie) for the callback; the
 * state is bound to both, to this checkout and to the channel. Null when no authorization is needed.
 */
export async function startInAppAuthorization(options: { serialNo: string; channel: string; environment: CheckoutEnvironment; now?: Date }): Promise<{ url: string; nonce: string } | null> {
  const now = options.now ?? new Date();
  const channel = options.channel === 'WECHATPAY' || options.channel === 'ALIPAY' ? options.channel : null;
  if (!channel || IN_APP[channel].environment !== options.environment) return null;
  const { target } = await resolveCheckoutChoice(choice(options.serialNo, channel, now));
  if (!IN_APP[channel].paysInApp(target.channel)) return null;
  const nonce = authorizationNonce();
  const state = signAuthorizationState({ serialNo: options.serialNo, channel, nonce, now });
  return { url: IN_APP[channel].authorizeUrl(target.account, { redirectUri: inAppAuthorizationCallback(options.serialNo, channel), state }), nonce };
}

/**
 * The app came back with a code: check the state against this checkout, channel and the browser's
 * nonce, exchange the code for the payer's id, and make the attempt for that payer. The id goes to
 * the channel with the attempt and nowhere else.
 */
export async function payInsideApp(options: { serialNo: string; channel: InAppChannel; code: string | null; state: string | null; nonce: string | null; clientIp?: string | null; now?: Date }): Promise<ChosenChannel> {
  const now = options.now ?? new Date();
  const { serialNo, channel } = options;
  if (!verifyAuthorizationState({ serialNo, channel, nonce: options.nonce, state: options.state, now })) {
    throw new AppError('FORBIDDEN', 'This authorization is not for this checkout, was already used, or has expired.');
  }
  if (!options.code) throw AppError.invalidFields({ code: 'the app sent no authorization code' });
  const { target } = await resolveCheckoutChoice(choice(serialNo, channel, now));
  let payerId: string;
  try {
    payerId = await IN_APP[channel].exchange(target.account, options.code);
  } catch (error) {
    throw channelAppError(error, { serialNo });
  }
  return chooseCheckoutChannel({ ...choice(serialNo, channel, now), clientIp: options.clientIp, ...IN_APP[channel].payer(payerId) });
}
