import { db } from '@/server/db/client';
import type { Channel, PaymentChannel } from '@/server/db/generated/client';
import { openCredentials } from '@/server/gateway/accounts/sealed-credentials';
import { officialAccountOf } from '@/server/gateway/channels/wechatpay/web-authorization';
import { hasPlugin } from '@/server/gateway/registry';
import type { CheckoutEnvironment } from './checkout-environment';

export interface CheckoutChannel {
  channel: PaymentChannel;
  /** false for a channel whose plugin is not built yet: listed, but cannot be chosen. */
  available: boolean;
}

export interface CheckoutOffer {
  /** What the payer may choose here. */
  choices: CheckoutChannel[];
  /** Channels of the merchant that cannot pay in this app's browser: the payer may open the page in a browser for them. */
  elsewhere: Channel[];
}

/** Inside an app's own browser only that app's channel can pay. */
const IN_APP: Partial<Record<CheckoutEnvironment, Channel>> = { WECHAT: 'WECHATPAY', ALIPAY: 'ALIPAY' };

/**
 * The channels a CASHIER payment offers: the merchant's enabled payment IDs, one per channel (the
 * oldest, so the choice is stable), in the order Alipay, WeChat Pay, EasyPay.
 */
export async function checkoutChannels(merchantId: string): Promise<CheckoutChannel[]> {
  const rows = await db().paymentChannel.findMany({ where: { merchantId, status: 'ENABLED' }, orderBy: [{ channel: 'asc' }, { createdAt: 'asc' }] });
  const first = rows.filter((row, index) => rows.findIndex((other) => other.channel === row.channel) === index);
  return first.map((channel) => ({ channel, available: hasPlugin(channel.channel) }));
}

/**
 * Inside WeChat, WeChat Pay pays by JSAPI (WeChat refuses H5 there): it needs the payer's openid, so
 * the official account's AppSecret, and mobile web payments (WAP) enabled on the payment ID.
 */
function paysInsideWechat(row: PaymentChannel): boolean {
  return row.channel === 'WECHATPAY' && row.invokeMethods.includes('WAP') && officialAccountOf(openCredentials(row)) !== null;
}

/** The checkout's channels where the payer opened it: all of them in a browser, the app's own inside WeChat or Alipay. */
export async function checkoutOffer(merchantId: string, environment: CheckoutEnvironment): Promise<CheckoutOffer> {
  const all = await checkoutChannels(merchantId);
  const only = IN_APP[environment];
  if (!only) return { choices: all, elsewhere: [] };
  return {
    choices: all
      .filter((entry) => entry.channel.channel === only)
      .map((entry) => (environment === 'WECHAT' ? { ...entry, available: entry.available && paysInsideWechat(entry.channel) } : entry)),
    elsewhere: all.filter((entry) => entry.channel.channel !== only && entry.available).map((entry) => entry.channel.channel),
  };
}
