// The simulated WeChat Pay payment page, shared by the scanned QR code, the H5 cashier and the WeChat
// client's payment sheet: amount, order, a clear SANDBOX banner, and Pay / Cancel.
import { CashierNote, CashierResult, OrderCard, PayOrCancel, SandboxCashier, type CashierTheme } from '@/components/sandbox/sandbox-cashier';
import type { WechatpayPaymentView } from '@/server/sandbox/wechatpay/payment-page';
import type { PayPage } from '@/server/sandbox/wechatpay/pay-urls';
import { cancelAction, payAction } from './actions';

const WECHAT_THEME: CashierTheme = { page: 'bg-[#ededed] text-[#191919]', accent: 'bg-[#07C160]', accentPressed: 'active:bg-[#06ad56]', accentText: 'text-[#07C160]' };
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
    <SandboxCashier theme={WECHAT_THEME} title={TITLES[page]} banner="沙箱 SANDBOX · 模拟微信支付，不会产生真实扣款">
      <OrderCard
        amountYuan={view.amountYuan}
        rows={[
          { label: '商户号', value: view.mchId },
          { label: '商户订单号', value: view.outTradeNo },
          ...(view.transactionId ? [{ label: '微信支付单号', value: view.transactionId }] : []),
        ]}
      >
        <p className="text-sm text-gray-500">{view.description}</p>
      </OrderCard>
      {payable ? (
        <PayOrCancel
          theme={WECHAT_THEME}
          payLabel="确认支付"
          pay={payAction.bind(null, page, pageKey, redirectUrl)}
          cancel={cancelAction.bind(null, page, pageKey, redirectUrl)}
        >
          {cancelled ? <CashierNote>已取消支付，订单仍待支付。</CashierNote> : null}
          {view.state === 'PAYERROR' ? <CashierNote className="text-red-600">上次支付失败，可重新支付。</CashierNote> : null}
        </PayOrCancel>
      ) : (
        <CashierResult className={view.state === 'CLOSED' ? 'text-gray-500' : WECHAT_THEME.accentText}>{STATE_TEXT[view.state]}</CashierResult>
      )}
    </SandboxCashier>
  );
}
