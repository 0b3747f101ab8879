'use server';
// The buyer's two choices on the simulated EasyPay pay page.
import { redirect } from 'next/navigation';
import { AppError } from '@/server/errors/app-error';
import { alipaySandboxEnabled as sandboxEnabled } from '@/server/sandbox/alipay/sandbox-enabled';
import { cancelEasypayTrade, payEasypayTrade } from '@/server/sandbox/easypay/pay-trade';
import { PAY_PAGE_PATH } from '@/server/sandbox/easypay/pay-page-url';

const payPagePath = (tradeNo: string) => `${PAY_PAGE_PATH}/${encodeURIComponent(tradeNo)}`;

export async function payAction(tradeNo: string): Promise<void> {
  if (!sandboxEnabled()) redirect('/');
  let next = payPagePath(tradeNo);
  try {
    // As epay does, the browser goes back to the merchant's return_url with the signed fields.
    next = (await payEasypayTrade({ tradeNo })).returnUrl ?? next;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
  redirect(next);
}

/** The order stays unpaid at epay; the page says so. */
export async function cancelAction(tradeNo: string): Promise<void> {
  if (!sandboxEnabled()) redirect('/');
  try {
    await cancelEasypayTrade({ tradeNo });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
  redirect(payPagePath(tradeNo));
}
