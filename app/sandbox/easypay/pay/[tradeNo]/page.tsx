// The simulated EasyPay pay page: where submit.php sends the buyer, and what a mapi.php code or payurl opens.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CashierNote, CashierResult, OrderCard, PayOrCancel, SandboxCashier, type CashierTheme } from '@/components/sandbox/sandbox-cashier';
import { alipaySandboxEnabled as sandboxEnabled } from '@/server/sandbox/alipay/sandbox-enabled';
import { openEasypayPayPage } from '@/server/sandbox/easypay/pay-page';
import { cancelAction, payAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '易支付收银台（沙箱）' };

const EASYPAY_THEME: CashierTheme = { page: 'bg-[#f5f5f5] text-[#333]', accent: 'bg-[#2f54eb]', accentPressed: 'active:bg-[#1d39c4]', accentText: 'text-[#2f54eb]' };
const TYPE_NAMES: Record<string, string> = { alipay: '支付宝', wxpay: '微信支付' };

export default async function EasypayPayPage(props: { params: Promise<{ tradeNo: string }> }) {
  if (!sandboxEnabled()) notFound();
  const { tradeNo } = await props.params;
  const trade = await openEasypayPayPage(tradeNo);
  if (!trade) notFound();

  return (
    <SandboxCashier theme={EASYPAY_THEME} title="易支付 · 收银台">
      <OrderCard
        amountYuan={trade.amountYuan}
        rows={[
          { label: '支付方式', value: TYPE_NAMES[trade.type] ?? trade.type },
          { label: '商户订单号', value: trade.outTradeNo },
          { label: '订单号', value: trade.tradeNo },
        ]}
      >
        <p className="text-base font-medium">{trade.merchantName}</p>
        <p className="mt-1 text-sm text-gray-500">{trade.name}</p>
      </OrderCard>
      {trade.paid ? (
        <CashierResult className={EASYPAY_THEME.accentText}>支付成功</CashierResult>
      ) : (
        <PayOrCancel theme={EASYPAY_THEME} payLabel="确认付款" pay={payAction.bind(null, trade.tradeNo)} cancel={cancelAction.bind(null, trade.tradeNo)}>
          {trade.cancelled ? <CashierNote>已取消支付，订单仍未支付。</CashierNote> : null}
        </PayOrCancel>
      )}
    </SandboxCashier>
  );
}
