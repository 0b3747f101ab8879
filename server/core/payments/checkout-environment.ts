// Where the payer opened the checkout, told by the browser's User-Agent. Inside WeChat's and Alipay's
// in-app browsers only their own channel can pay (WeChat refuses WeChat Pay H5 and cannot open Alipay;
// Alipay's browser cannot open WeChat Pay), so the checkout offers what works there.

/** WECHAT includes WeChat Work (企业微信), whose browser pays by JSAPI like WeChat's. */
export type CheckoutEnvironment = 'WECHAT' | 'ALIPAY' | 'MOBILE' | 'DESKTOP';

const MOBILE = /Mobile|Android|iPhone|iPad|HarmonyOS/i;

export function checkoutEnvironment(userAgent: string | null | undefined): CheckoutEnvironment {
  const agent = userAgent ?? '';
  if (/MicroMessenger|wxwork/i.test(agent)) return 'WECHAT';
  if (/AlipayClient/i.test(agent)) return 'ALIPAY';
  return MOBILE.test(agent) ? 'MOBILE' : 'DESKTOP';
}

/** A phone's browser, in an app or not: channels' mobile pages rather than their desktop ones. */
export const onPhone = (environment: CheckoutEnvironment) => environment !== 'DESKTOP';
