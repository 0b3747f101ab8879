// The simulated WeChat Pay payment page, shared by the scanned QR code, the H5 cashier and the WeChat
// client's payment sheet: amount, order, a clear SANDBOX banner, and Pay / Cancel.
import type { WechatpayPaymentView } from '@/server/sandbox/wechatpay/payment-page';
import type { PayPage } from '@/server/sandbox/wechatpay/pay-urls';
import { cancelAction, payAction } from './actions';

const TITLES: Record<PayPage, string> = { scan: '微信扫码支付', h5: '微信支付', jsapi: '微信支付 · 确认付款' };

const STATE_TEXT = {
  NOTPAY: '',
  PAYERROR: '',
  SUCCESS: '支付成功',
  REFUND: '支付成功（已转入退款）',
  CLOSED: '订单已关闭',
} as const;

export function PaymentSheet(props: { page: PayPage; pageKey: string; view: WechatpayPaymentView; redirectUrl: string | null; cancelled: boolean }) {
  const { page, pageKey, view, redirectUrl, cancelled } = props;
  const payable = view.state === 'NOTPAY' || view.state === 'PAYERROR';
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col bg-[#ededed] text-[#191919]">
      <div className="bg-amber-400 px-4 py-2 text-center text-sm font-semibold text-amber-950" role="status">
        沙箱 SANDBOX · 模拟微信支付，不会产生真实扣款
      </div>
      <header className="bg-[#07C160] px-4 py-3 text-lg font-semibold text-white">{TITLES[page]}</header>
      <section className="m-4 rounded-lg bg-white p-6 text-center shadow-sm">
        <p className="text-sm text-gray-500">{view.description}</p>
        <p className="mt-2 text-4xl font-semibold">
          <span className="mr-1 text-2xl">¥</span>
          {view.amountYuan}
        </p>
        <dl className="mt-4 space-y-1 text-left text-xs text-gray-500">
          <div className="flex justify-between gap-4">
            <dt>商户号</dt>
            <dd className="break-all">{view.mchId}</dd>
          </div>
          <div className="flex justify-between gap-4">
            <dt>商户订单号</dt>
            <dd className="break-all">{view.outTradeNo}</dd>
          </div>
          {view.transactionId ? (
            <div className="flex justify-between gap-4">
              <dt>微信支付单号</dt>
              <dd className="break-all">{view.transactionId}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      {payable ? (
        <section className="mx-4 space-y-3">
          {cancelled ? <p className="text-center text-sm text-gray-500">已取消支付，订单仍待支付。</p> : null}
          {view.state === 'PAYERROR' ? <p className="text-center text-sm text-red-600">上次支付失败，可重新支付。</p> : null}
          <form action={payAction.bind(null, page, pageKey, redirectUrl)}>
            <button type="submit" className="w-full rounded-lg bg-[#07C160] py-3 text-lg font-medium text-white active:bg-[#06ad56]">
              确认支付
            </button>
          </form>
          <form action={cancelAction.bind(null, page, pageKey, redirectUrl)}>
            <button type="submit" className="w-full rounded-lg border border-gray-300 bg-white py-3 text-base text-gray-700">
              取消
            </button>
          </form>
        </section>
      ) : (
        <p className={`mx-4 rounded-lg bg-white p-4 text-center text-lg font-medium ${view.state === 'CLOSED' ? 'text-gray-500' : 'text-[#07C160]'}`}>
          {STATE_TEXT[view.state]}
        </p>
      )}
    </main>
  );
}
