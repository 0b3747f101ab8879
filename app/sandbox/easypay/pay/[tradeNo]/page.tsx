// The simulated EasyPay pay page: where submit.php sends the buyer, and what a mapi.php code or payurl opens.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { alipaySandboxEnabled as sandboxEnabled } from '@/server/sandbox/alipay/sandbox-enabled';
import { openEasypayPayPage } from '@/server/sandbox/easypay/pay-page';
import { cancelAction, payAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '易支付收银台（沙箱）' };

const TYPE_NAMES: Record<string, string> = { alipay: '支付宝', wxpay: '微信支付' };

export default async function EasypayPayPage(props: { params: Promise<{ tradeNo: string }> }) {
  if (!sandboxEnabled()) notFound();
  const { tradeNo } = await props.params;
  const trade = await openEasypayPayPage(tradeNo);
  if (!trade) notFound();

  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col bg-[#f5f5f5] text-[#333]">
      <div className="bg-amber-400 px-4 py-2 text-center text-sm font-semibold text-amber-950" role="status">
        沙箱 SANDBOX · 模拟支付，不会产生真实扣款
      </div>
      <header className="bg-[#2f54eb] px-4 py-3 text-lg font-semibold text-white">易支付 · 收银台</header>
      <section className="m-4 rounded-lg bg-white p-6 text-center shadow-sm">
        <p className="text-base font-medium">{trade.merchantName}</p>
        <p className="mt-1 text-sm text-gray-500">{trade.name}</p>
        <p className="mt-2 text-4xl font-semibold">
          <span className="mr-1 text-2xl">¥</span>
          {trade.amountYuan}
        </p>
        <dl className="mt-4 space-y-1 text-left text-xs text-gray-500">
          <div className="flex justify-between gap-4">
            <dt>支付方式</dt>
            <dd>{TYPE_NAMES[trade.type] ?? trade.type}</dd>
          </div>
          <div className="flex justify-between gap-4">
            <dt>商户订单号</dt>
            <dd className="break-all">{trade.outTradeNo}</dd>
          </div>
          <div className="flex justify-between gap-4">
            <dt>订单号</dt>
            <dd className="break-all">{trade.tradeNo}</dd>
          </div>
        </dl>
      </section>
      {trade.paid ? (
        <p className="mx-4 rounded-lg bg-white p-4 text-center text-lg font-medium text-[#2f54eb]">支付成功</p>
      ) : (
        <section className="mx-4 space-y-3">
          {trade.cancelled ? <p className="text-center text-sm text-gray-500">已取消支付，订单仍未支付。</p> : null}
          <form action={payAction.bind(null, trade.tradeNo)}>
            <button type="submit" className="w-full rounded-lg bg-[#2f54eb] py-3 text-lg font-medium text-white active:bg-[#1d39c4]">
              确认付款
            </button>
          </form>
          <form action={cancelAction.bind(null, trade.tradeNo)}>
            <button type="submit" className="w-full rounded-lg border border-gray-300 bg-white py-3 text-base text-gray-700">
              取消
            </button>
          </form>
        </section>
      )}
    </main>
  );
}
