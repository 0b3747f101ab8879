'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '@/components/i18n/client';
import { focusRing } from '@/components/ui/focus-ring';
import type { CheckoutStatus } from '@/server/core/payments/get-checkout';

const POLL_MS = 2_000;
const RETURN_AFTER_MS = 3_000;

function timeLeft(expiresAt: number, now: number): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.floor((expiresAt - now) / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

const FINAL: Record<Exclude<CheckoutStatus, 'PENDING'>, { title: 'checkout.succeeded' | 'checkout.expired' | 'checkout.closed' | 'checkout.paymentFailed'; hint: 'checkout.succeededHint' | 'checkout.expiredHint' | 'checkout.closedHint' | 'checkout.paymentFailedHint'; tone: string; icon: string }> = {
  SUCCEEDED: { title: 'checkout.succeeded', hint: 'checkout.succeededHint', tone: 'bg-emerald-600', icon: '✓' },
  EXPIRED: { title: 'checkout.expired', hint: 'checkout.expiredHint', tone: 'bg-slate-500', icon: '!' },
  CLOSED: { title: 'checkout.closed', hint: 'checkout.closedHint', tone: 'bg-slate-500', icon: '!' },
  FAILED: { title: 'checkout.paymentFailed', hint: 'checkout.paymentFailedHint', tone: 'bg-red-600', icon: '×' },
};

/**
 * The live part of the checkout: the time left, and the status polled from /checkout/{serial}/status.
 * While payable it shows the payment options rendered by the server (children); once final it shows
 * the outcome and, after a success, the receipt (rendered by the server: a success seen live re-renders
 * the page to get it) and takes the payer back to the app, unless the payer has turned to the receipt.
 */
export function CheckoutLive(props: { serialNo: string; status: CheckoutStatus; expiresAt: string; returnUrl: string | null; receipt: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  const router = useRouter();
  const [status, setStatus] = useState(props.status);
  const [stay, setStay] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const expiresAt = Date.parse(props.expiresAt);
  const pending = status === 'PENDING';

  useEffect(() => {
    if (!pending) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const poll = setInterval(async () => {
      try {
        const answer = await fetch(`/checkout/${props.serialNo}/status`, { cache: 'no-store' });
        if (answer.ok) setStatus(((await answer.json()) as { status: CheckoutStatus }).status);
      } catch {
        // Offline for a moment: the next poll tries again.
      }
    }, POLL_MS);
    return () => {
      clearInterval(tick);
      clearInterval(poll);
    };
  }, [pending, props.serialNo]);

  useEffect(() => {
    if (status === 'SUCCEEDED' && props.status !== 'SUCCEEDED') router.refresh();
  }, [status, props.status, router]);

  useEffect(() => {
    if (status !== 'SUCCEEDED' || !props.returnUrl || stay) return;
    const back = setTimeout(() => window.location.assign(props.returnUrl!), RETURN_AFTER_MS);
    return () => clearTimeout(back);
  }, [status, props.returnUrl, stay]);

  if (pending) {
    const left = timeLeft(expiresAt, now);
    return (
      <>
        <p className="flex items-center justify-between rounded-xl bg-amber-50 px-4 py-2.5 text-sm text-amber-900" data-testid="checkout-time-left">
          <span>{t('checkout.timeLeft')}</span>
          {/* The server's clock and the browser's differ by the render delay: keep the server's text until the first tick. */}
          <span className="font-semibold tabular-nums" suppressHydrationWarning>
            {t('checkout.timeLeftValue', { minutes: left.minutes, seconds: String(left.seconds).padStart(2, '0') })}
          </span>
        </p>
        {props.children}
      </>
    );
  }

  const final = FINAL[status];
  const succeeded = status === 'SUCCEEDED';
  return (
    <>
      <section role="status" aria-live="polite" className="rounded-2xl bg-white px-6 py-8 text-center shadow-sm ring-1 ring-slate-200 print:hidden" data-testid="checkout-final" data-status={status}>
        <span aria-hidden="true" className={`mx-auto grid size-14 place-items-center rounded-full text-2xl font-bold text-white ${final.tone}`}>
          {final.icon}
        </span>
        <h2 className="mt-4 text-xl font-semibold text-slate-900">{t(final.title)}</h2>
        <p className="mt-2 text-sm text-slate-600">{t(final.hint)}</p>
        {succeeded && props.returnUrl && !stay ? <p className="mt-2 text-sm text-slate-500">{t('checkout.returning')}</p> : null}
        {props.returnUrl ? (
          <a href={props.returnUrl} className={`mt-6 inline-block w-full rounded-xl bg-brand-700 py-3 text-base font-medium text-white hover:bg-brand-800 ${focusRing}`}>
            {t('checkout.backToMerchant')}
          </a>
        ) : null}
      </section>
      {succeeded ? (
        // Touching the receipt (to print or save it) keeps the payer here.
        <div className="flex flex-col gap-3" onPointerDownCapture={() => setStay(true)} onFocusCapture={() => setStay(true)}>
          {props.receipt}
          <a href={`/checkout/${props.serialNo}/receipt`} className={`text-center text-sm font-medium text-brand-700 underline-offset-2 hover:underline print:hidden ${focusRing}`} data-testid="receipt-link">
            {t('checkout.receipt.view')}
          </a>
          <p className="text-center text-xs text-slate-500 print:hidden">{t('checkout.receipt.keepLink')}</p>
        </div>
      ) : null}
    </>
  );
}
