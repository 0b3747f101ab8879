// The receipt page (public; the unguessable serial number is the only key): a payer's paid payment, to
// look up again, print or save as an image. Server-rendered; only the receipt's buttons run script.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CheckoutFrame } from '@/components/checkout/checkout-frame';
import { Receipt } from '@/components/checkout/receipt';
import { getI18n } from '@/components/i18n/server';
import { getReceipt } from '@/server/core/payments/get-receipt';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  // Not for search engines: a receipt is the payer's.
  return { title: t('checkout.receipt.metaTitle'), robots: { index: false, follow: false } };
}

export default async function ReceiptPage(props: { params: Promise<{ serialNo: string }> }) {
  const [{ serialNo }, { t }] = await Promise.all([props.params, getI18n()]);
  const receipt = await getReceipt({ serialNo });
  if (!receipt) notFound();
  return (
    <CheckoutFrame livemode={receipt.livemode}>
      <Receipt receipt={receipt} />
      <p className="text-center text-xs text-slate-500 print:hidden">{t('checkout.receipt.keepLink')}</p>
    </CheckoutFrame>
  );
}
