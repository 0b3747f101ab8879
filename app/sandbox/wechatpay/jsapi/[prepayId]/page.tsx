// The WeChat client's payment sheet for a prepay_id (JSAPI, mini program, APP).
import type { Metadata } from 'next';
import { renderPaymentPage } from '../../render-payment-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '微信支付（沙箱）' };

export default async function WechatpayJsapiPage(props: { params: Promise<{ prepayId: string }>; searchParams: Promise<{ cancelled?: string }> }) {
  return renderPaymentPage('jsapi', (await props.params).prepayId, await props.searchParams);
}
