// The hosted checkout's page frame, shared by the checkout and its receipt: the sandbox banner, the
// header with the language switch, and the footer. Printing keeps only what is inside.
import type { ReactNode } from 'react';
import { LocaleSwitch } from '@/components/i18n/locale-switch';
import { getI18n } from '@/components/i18n/server';

export async function CheckoutFrame({ livemode, children }: { livemode: boolean; children: ReactNode }) {
  const { t } = await getI18n();
  return (
    <div className="mx-auto flex min-h-dvh max-w-md flex-col bg-slate-100 print:bg-white">
      {livemode ? null : (
        <p className="bg-amber-400 px-4 py-1.5 text-center text-sm font-semibold text-amber-950 print:hidden" data-testid="checkout-sandbox">
          {t('checkout.sandbox')}
        </p>
      )}
      <header className="flex items-center justify-between gap-3 bg-white px-4 py-3 shadow-sm print:hidden">
        <span className="inline-flex items-center gap-2 font-semibold text-slate-900">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded-lg bg-brand-700 text-xs font-bold text-white">P</span>
          {t('checkout.title')}
        </span>
        <LocaleSwitch />
      </header>
      <main className="flex flex-1 flex-col gap-4 p-4">{children}</main>
      <footer className="flex items-center justify-center gap-1.5 px-4 pb-6 text-xs text-slate-500 print:hidden">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 fill-current">
          <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 6H6V4.5a2 2 0 1 1 4 0V7Z" />
        </svg>
        {t('checkout.secure')}
      </footer>
    </div>
  );
}
