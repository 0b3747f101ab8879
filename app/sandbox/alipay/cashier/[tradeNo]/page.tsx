// The simulated Alipay cashier: what a buyer sees after page/wap pay, an opened app order string, or a
// scanned precreate QR code.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CashierNote, CashierResult, OrderCard, PayOrCancel, SandboxCashier, type CashierTheme } from '@/components/sandbox/sandbox-cashier';
import { openAlipayCashier } from '@/server/sandbox/alipay/cashier';
import { alipaySandboxEnabled } from '@/server/sandbox/alipay/sandbox-enabled';
import { cancelAction, payAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '支付宝收银台（沙箱）' };

const STATUS_TEXT = {
  WAIT_BUYER_PAY: '',
  TRADE_SUCCESS: '支付成功',
  TRADE_FINISHED: '交易完结',
  TRADE_CLOSED: '交易已关闭',
} as const;

const ALIPAY_THEME: CashierTheme = { page: 'bg-[#f5f5f5] text-[#333]', accent: 'bg-[#1677FF]', accentPressed: 'active:bg-[#0958d9]', accentText: 'text-[#1677FF]' };

export default async function AlipayCashierPage(props: { params: Promise<{ tradeNo: string }>; searchParams: Promise<{ cancelled?: string }> }) {
  if (!alipaySandboxEnabled()) notFound();
  const { tradeNo } = await props.params;
  const { cancelled } = await props.searchParams;
  const trade = await openAlipayCashier(tradeNo);
  if (!trade) notFound();
  const waiting = trade.status === 'WAIT_BUYER_PAY';

  return (
    <SandboxCashier theme={ALIPAY_THEME} title="支付宝 · 收银台">
      <OrderCard
        amountYuan={trade.amountYuan}
        rows={[
          { label: '商户订单号', value: trade.outTradeNo },
          { label: '支付宝交易号', value: trade.tradeNo },
        ]}
      >
        <p className="text-sm text-gray-500">{trade.subject}</p>
      </OrderCard>
      {waiting ? (
        <PayOrCancel theme={ALIPAY_THEME} payLabel="确认付款" pay={payAction.bind(null, trade.tradeNo)} cancel={cancelAction.bind(null, trade.tradeNo)}>
          {cancelled ? <CashierNote>已取消支付，订单仍在等待付款。</CashierNote> : null}
        </PayOrCancel>
      ) : (
        <CashierResult className={trade.status === 'TRADE_CLOSED' ? 'text-gray-500' : ALIPAY_THEME.accentText}>{STATUS_TEXT[trade.status]}</CashierResult>
      )}
    </SandboxCashier>
  );
}
