// The simulated Alipay client's JS bridge for the sandbox checkout: `window.AlipayJSBridge`, whose
// call('tradePay', {tradeNO}) shows a payment sheet and, on "pay", asks the simulator to pay. The
// simulator checks what Alipay's client checks: a JSAPI trade (alipay.trade.create) waiting for
// payment, made for the buyer who is paying.
import { z } from 'zod';
import { db } from '@/server/db/client';
import { paymentSheetFunction } from '@/server/sandbox/payment-sheet-script';
import { payAlipayTrade } from './pay-trade';
import { sandboxAlipayBuyerId } from './web-authorization';

const JSBRIDGE_PAY_PATH = '/sandbox/alipay/jsbridge/pay';

/** Served as /sandbox/alipay/jsbridge.js; the sandbox checkout loads it in place of Alipay's own bridge. */
export const JSBRIDGE_SCRIPT = `(function () {
  if (window.AlipayJSBridge) return;
  ${paymentSheetFunction({ title: '支付宝', payLabel: '确认付款 Pay', color: '#1677FF', payPath: JSBRIDGE_PAY_PATH, cancelled: { resultCode: '6001' }, failed: { resultCode: '6002' } })}
  window.AlipayJSBridge = {
    call: function (name, params, done) {
      if (name !== 'tradePay') return done({ error: 1, errorMessage: name + ' is not simulated' });
      sheet(params, done);
    }
  };
  document.dispatchEvent(new Event('AlipayJSBridgeReady'));
})();
`;

const fail = (memo: string) => ({ resultCode: '4000', memo });

/** The sheet's "pay": `{resultCode}` as tradePay's callback receives it (9000 paid; 4000 with a memo when refused). */
export async function payFromTradePaySheet(body: unknown, now = new Date()): Promise<{ resultCode: string; memo?: string }> {
  const parsed = z.object({ tradeNO: z.string().min(1) }).safeParse(body);
  if (!parsed.success) return fail('tradeNO 不能为空');
  const trade = await db().sandboxAlipayTrade.findUnique({ where: { tradeNo: parsed.data.tradeNO } });
  if (!trade || trade.method !== 'alipay.trade.create') return fail('交易不存在');
  if (trade.buyerId !== sandboxAlipayBuyerId(trade.appId)) return fail('买家不是交易的付款人');
  if (trade.status !== 'WAIT_BUYER_PAY') return fail(`交易状态为 ${trade.status}，不能支付`);
  await payAlipayTrade({ tradeNo: trade.tradeNo }, now);
  return { resultCode: '9000' };
}
