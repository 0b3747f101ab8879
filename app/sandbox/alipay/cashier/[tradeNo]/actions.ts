'use server';
// The buyer's two choices on the simulated cashier.
import { redirect } from 'next/navigation';
import { AppError } from '@/server/errors/app-error';
import { payAlipayTrade } from '@/server/sandbox/alipay/pay-trade';
import { alipaySandboxEnabled } from '@/server/sandbox/alipay/sandbox-enabled';
import { CASHIER_PATH } from '@/server/sandbox/alipay/cashier-url';

function cashierPath(tradeNo: string, query = ''): string {
  return `${CASHIER_PATH}/${encodeURIComponent(tradeNo)}${query}`;
}

export async function payAction(tradeNo: string): Promise<void> {
  if (!alipaySandboxEnabled()) redirect('/');
  let next = cashierPath(tradeNo);
  try {
    // A paid page or wap trade goes back to the merchant's return_url with Alipay's signed parameters.
    next = (await payAlipayTrade({ tradeNo })).returnUrl ?? next;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
  redirect(next);
}

/** Leaving the cashier changes nothing at Alipay: the trade keeps waiting until it is paid or times out. */
export async function cancelAction(tradeNo: string): Promise<void> {
  redirect(cashierPath(tradeNo, '?cancelled=1'));
}
