// What the user sees after scanning a NATIVE code_url (weixin://wxpay/bizpayurl?pr=<token>) with WeChat.
import type { Metadata } from 'next';
import { renderPaymentPage } from '../../render-payment-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '微信扫码支付（沙箱）' };

export default async function WechatpayScanPage(props: { params: Promise<{ token: string }>; searchParams: Promise<{ cancelled?: string }> }) {
  return renderPaymentPage('scan', (await props.params).token, await props.searchParams);
}
