// One route per way of reaching a payment (scan, h5, jsapi), each a thin wrapper of this.
import { notFound } from 'next/navigation';
import { env } from '@/server/config/env';
import { openWechatpayPayment } from '@/server/sandbox/wechatpay/payment-page';
import { safeRedirectUrl, type PayPage } from '@/server/sandbox/wechatpay/pay-urls';
import { PaymentSheet } from './payment-sheet';

export async function renderPaymentPage(page: PayPage, key: string, query: { cancelled?: string; redirect_url?: string }) {
  if (!env().PAYCENTER_SANDBOX) notFound();
  const view = await openWechatpayPayment(page === 'jsapi' ? { prepayId: key } : { payToken: key });
  if (!view) notFound();
  return <PaymentSheet page={page} pageKey={key} view={view} redirectUrl={safeRedirectUrl(query.redirect_url)} cancelled={Boolean(query.cancelled)} />;
}
