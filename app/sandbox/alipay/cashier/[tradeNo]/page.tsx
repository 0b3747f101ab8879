// The simulated Alipay cashier: what a buyer sees after page/wap pay, an opened app order string, or a
// scanned precreate QR code.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
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

export default async function AlipayCashierPage(props: { params: Promise<{ tradeNo: string }>; searchParams: Promise<{ cancelled?: string }> }) {
  if (!alipaySandboxEnabled()) notFound();
  const { tradeNo } = await props.params;
  const { cancelled } = await props.searchParams;
  const trade = await openAlipayCashier(tradeNo);
  if (!trade) notFound();
  const waiting = trade.status === 'WAIT_BUYER_PAY';

  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col bg-[#f5f5f5] text-[#333]">
      <div className="bg-amber-400 px-4 py-2 text-center text-sm font-semibold text-amber-950" role="status">
        沙箱 SANDBOX · 模拟支付，不会产生真实扣款
      </div>
      <header className="bg-[#1677FF] px-4 py-3 text-lg font-semibold text-white">支付宝 · 收银台</header>
      <section className="m-4 rounded-lg bg-white p-6 text-center shadow-sm">
        <p className="text-sm text-gray-500">{trade.subject}</p>
        <p className="mt-2 text-4xl font-semibold">
          <span className="mr-1 text-2xl">¥</span>
          {trade.amountYuan}
        </p>
        <dl className="mt-4 space-y-1 text-left text-xs text-gray-500">
          <div className="flex justify-between gap-4">
            <dt>商户订单号</dt>
            <dd className="break-all">{trade.outTradeNo}</dd>
          </div>
          <div className="flex justify-between gap-4">
            <dt>支付宝交易号</dt>
            <dd className="break-all">{trade.tradeNo}</dd>
          </div>
        </dl>
      </section>
      {waiting ? (
        <section className="mx-4 space-y-3">
          {cancelled ? <p className="text-center text-sm text-gray-500">已取消支付，订单仍在等待付款。</p> : null}
          <form action={payAction.bind(null, trade.tradeNo)}>
            <button type="submit" className="w-full rounded-lg bg-[#1677FF] py-3 text-lg font-medium text-white active:bg-[#0958d9]">
              确认付款
            </button>
          </form>
          <form action={cancelAction.bind(null, trade.tradeNo)}>
            <button type="submit" className="w-full rounded-lg border border-gray-300 bg-white py-3 text-base text-gray-700">
              取消
            </button>
          </form>
        </section>
      ) : (
        <p className={`mx-4 rounded-lg bg-white p-4 text-center text-lg font-medium ${trade.status === 'TRADE_CLOSED' ? 'text-gray-500' : 'text-[#1677FF]'}`}>
          {STATUS_TEXT[trade.status]}
        </p>
      )}
    </main>
  );
}
