// The simulated WeChat client's JS bridge for the sandbox checkout: `window.WeixinJSBridge`, whose
// getBrandWCPayRequest shows a payment sheet and, on "pay", asks the simulator to pay. The simulator
// checks what WeChat's client checks: the paySign (RSA-SHA256 over "appId\ntimeStamp\nnonceStr\npackage\n"
// with the merchant's key, verified with its public key), that the prepay_id belongs to that AppID,
// and that the payer is the one the order was made for.
import { createVerify } from 'node:crypto';
import { z } from 'zod';
import { paymentSheetFunction } from '@/server/sandbox/payment-sheet-script';
import { findWechatpayMerchant } from './merchant-account';
import { payWechatpayTrade } from './pay-trade';
import { findSelectedTrade } from './trade-selector';
import { effectiveState } from './trade-state';
import { SIMULATOR_PREFIX } from './verify-request';
import { sandboxWechatOpenId } from './web-authorization';

const JSBRIDGE_PAY_PATH = `${SIMULATOR_PREFIX}/jsbridge/pay`;

/** Served as /sandbox/wechatpay/jsbridge.js; the sandbox checkout loads it in place of WeChat's own bridge. */
export const JSBRIDGE_SCRIPT = `(function () {
  if (window.WeixinJSBridge) return;
  ${paymentSheetFunction({ title: '微信支付', payLabel: '确认支付 Pay', color: '#07C160', payPath: JSBRIDGE_PAY_PATH, cancelled: { err_msg: 'get_brand_wcpay_request:cancel' }, failed: { err_msg: 'get_brand_wcpay_request:fail' } })}
  window.WeixinJSBridge = {
    invoke: function (name, params, done) {
      if (name !== 'getBrandWCPayRequest') return done({ err_msg: name + ':fail' });
      sheet(params, done);
    }
  };
  document.dispatchEvent(new Event('WeixinJSBridgeReady'));
})();
`;

const sheetRequest = z.object({ appId: z.string(), timeStamp: z.string(), nonceStr: z.string(), package: z.string(), signType: z.literal('RSA'), paySign: z.string() });

const fail = (reason: string) => ({ err_msg: 'get_brand_wcpay_request:fail', reason });

/** The sheet's "pay": `{err_msg}` as getBrandWCPayRequest's callback receives it (with the reason of a failure). */
export async function payFromJsapiSheet(body: unknown, now = new Date()): Promise<{ err_msg: string; reason?: string }> {
  const parsed = sheetRequest.safeParse(body);
  if (!parsed.success) return fail('支付参数不完整，或 signType 不是 RSA');
  const params = parsed.data;
  const prepayId = /^prepay_id=(.+)$/.exec(params.package)?.[1];
  const trade = prepayId ? await findSelectedTrade({ prepayId }) : null;
  if (!trade || trade.tradeType !== 'JSAPI' || trade.appId !== params.appId) return fail('package 无效：没有这个公众号的 JSAPI 订单');
  const merchant = await findWechatpayMerchant(trade.mchId);
  const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
  const signed = merchant?.merchantPublicKey && createVerify('RSA-SHA256').update(message, 'utf8').verify(merchant.merchantPublicKey, params.paySign, 'base64');
  if (!signed) return fail('支付验证签名失败');
  if (trade.payerOpenId !== sandboxWechatOpenId(trade.appId)) return fail('当前用户不是下单用户');
  const state = effectiveState(trade, now);
  if (state !== 'NOTPAY' && state !== 'PAYERROR') return fail(`订单状态为 ${state}，不能支付`);
  await payWechatpayTrade({ prepayId: trade.prepayId }, now);
  return { err_msg: 'get_brand_wcpay_request:ok' };
}
