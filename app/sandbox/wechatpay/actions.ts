'use server';
// The user's two choices on a simulated WeChat Pay page. After the H5 cashier the browser goes to the
// merchant's redirect_url, as WeChat's does; the other pages show the result in place.
import { redirect } from 'next/navigation';
import { env } from '@/server/config/env';
import { AppError } from '@/server/errors/app-error';
import { payWechatpayTrade } from '@/server/sandbox/wechatpay/pay-trade';
import { payPagePath, safeRedirectUrl, type PayPage } from '@/server/sandbox/wechatpay/pay-urls';
import type { WechatpayTradeSelector } from '@/server/sandbox/wechatpay/trade-selector';

const selectorOf = (page: PayPage, key: string): WechatpayTradeSelector => (page === 'jsapi' ? { prepayId: key } : { payToken: key });

function next(page: PayPage, key: string, redirectUrl: string | null, query: string): string {
  return (page === 'h5' ? safeRedirectUrl(redirectUrl) : null) ?? `${payPagePath(page, key)}${query}`;
}

export async function payAction(page: PayPage, key: string, redirectUrl: string | null): Promise<void> {
  if (!env().PAYCENTER_SANDBOX) redirect('/');
  try {
    await payWechatpayTrade(selectorOf(page, key));
  } catch (error) {
    // A closed or expired order: the page shows its state.
    if (!(error instanceof AppError)) throw error;
  }
  redirect(next(page, key, redirectUrl, ''));
}

/** Leaving the payment changes nothing at WeChat: the order stays NOTPAY until paid, closed or expired. */
export async function cancelAction(page: PayPage, key: string, redirectUrl: string | null): Promise<void> {
  redirect(next(page, key, redirectUrl, '?cancelled=1'));
}
