// The simulated H5 cashier (h5_url); after paying or cancelling it goes to the merchant's redirect_url.
import type { Metadata } from 'next';
import { renderPaymentPage } from '../../render-payment-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '微信支付（沙箱）' };

export default async function WechatpayH5Page(props: { params: Promise<{ token: string }>; searchParams: Promise<{ cancelled?: string; redirect_url?: string }> }) {
  return renderPaymentPage('h5', (await props.params).token, await props.searchParams);
}
