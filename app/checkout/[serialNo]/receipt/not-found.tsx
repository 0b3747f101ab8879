import { getI18n } from '@/components/i18n/server';

export default async function ReceiptNotFound() {
  const { t } = await getI18n();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 bg-slate-100 px-6 text-center">
      <h1 className="text-xl font-semibold text-slate-900">{t('checkout.receipt.notFoundTitle')}</h1>
      <p className="text-sm text-slate-600">{t('checkout.receipt.notFoundHint')}</p>
    </main>
  );
}
