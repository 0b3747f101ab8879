import { readStoredAction } from '@/server/contract/action';
import { db } from '@/server/db/client';
import type { Channel, Payment } from '@/server/db/generated/client';
import { isSerialNo } from '../serial-numbers';
import { checkoutOffer } from './checkout-channels';
import type { CheckoutEnvironment } from './checkout-environment';
import { effectiveStatus } from '@/server/contract/payment';

/** What the payer sees: PENDING is payable; EXPIRED is a payment whose time ran out. */
export type CheckoutStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'CLOSED' | 'EXPIRED';

/** The hosted checkout's view of a payment: public (the serial is the only identifier), no secrets. */
export interface CheckoutView {
  serialNo: string;
  merchantName: string;
  subject: string;
  amount: number;
  status: CheckoutStatus;
  expiresAt: Date;
  livemode: boolean;
  /** Where the payer goes back to the app; http(s) only, checked against the app's origins when created. */
  returnUrl: string | null;
  /** A QR attempt to scan: its channel and the code's content. */
  qr: { channel: Channel; content: string } | null;
  /** CASHIER: the channels to choose from (unavailable ones are listed but cannot be chosen). */
  choices: Array<{ channel: Channel; available: boolean }> | null;
  /**
   * CASHIER inside WeChat or Alipay: the JSAPI attempt's parameters for the app's payment sheet
   * (WeChat: getBrandWCPayRequest's, signed by the merchant key; Alipay: tradePay's tradeNO). No payer id.
   */
  appSheet: { channel: 'WECHATPAY' | 'ALIPAY'; params: Record<string, string> } | null;
  /** CASHIER inside WeChat or Alipay: the merchant's channels that only a browser can open. */
  elsewhere: Channel[];
}

function statusOf(payment: Payment, orderStatus: string, now: Date): CheckoutStatus {
  if (orderStatus === 'PAID') return 'SUCCEEDED';
  if (orderStatus === 'CLOSED') return 'CLOSED';
  const status = effectiveStatus(payment, now);
  if (status === 'CLOSED' && (payment.expiresAt <= now || (payment.closedAt && payment.closedAt >= payment.expiresAt))) return 'EXPIRED';
  return status;
}

function qrOf(payment: Payment | undefined): CheckoutView['qr'] {
  if (!payment?.channel || payment.status !== 'PENDING') return null;
  const action = readStoredAction(payment)?.channel;
  return action?.type === 'QR_CODE' ? { channel: payment.channel, content: action.content } : null;
}

/** Which JSAPI attempts each app's sheet pays. */
const SHEETS = { WECHAT: { channel: 'WECHATPAY', method: 'wechatpay.jsapi' }, ALIPAY: { channel: 'ALIPAY', method: 'alipay.trade.create' } } as const;

function appSheetOf(payment: Payment | undefined, environment: CheckoutEnvironment): CheckoutView['appSheet'] {
  const sheet = environment === 'WECHAT' || environment === 'ALIPAY' ? SHEETS[environment] : null;
  if (!sheet || !payment || payment.status !== 'PENDING' || payment.executionMethod !== sheet.method) return null;
  const action = readStoredAction(payment)?.channel;
  return action?.type === 'SDK_PARAMS' ? { channel: sheet.channel, params: action.params } : null;
}

/**
 * The checkout of an attempt, or null for an unknown serial. A CASHIER checkout follows its order:
 * it stays payable (choose again) until the order is paid or closed or the time is up, and shows the
 * QR code of the newest attempt when the chosen channel pays by QR.
 */
export async function getCheckout(options: { serialNo: string; environment?: CheckoutEnvironment; now?: Date }): Promise<CheckoutView | null> {
  const now = options.now ?? new Date();
  if (!isSerialNo(options.serialNo, 'P')) return null;
  const found = await db().payment.findUnique({ where: { serialNo: options.serialNo }, include: { order: { include: { merchant: { select: { name: true } } } } } });
  if (!found) return null;
  const { order, ...payment } = found;
  const view = { serialNo: payment.serialNo, merchantName: order.merchant.name, subject: payment.subject, amount: payment.amount, expiresAt: payment.expiresAt, livemode: payment.livemode, returnUrl: payment.returnUrl };
  if (payment.invokeMethod !== 'CASHIER') return { ...view, status: statusOf(payment, order.status, now), qr: qrOf(payment), appSheet: null, choices: null, elsewhere: [] };

  const newest = await db().payment.findFirst({ where: { orderId: order.id }, orderBy: { createdAt: 'desc' } });
  let status: CheckoutStatus = statusOf(payment, order.status, now);
  if (status !== 'SUCCEEDED' && payment.expiresAt <= now) status = 'EXPIRED';
  // A failed or superseded attempt leaves the order payable: the payer may choose again.
  if ((status === 'FAILED' || status === 'CLOSED') && order.status === 'OPEN') status = 'PENDING';
  const payable = status === 'PENDING';
  const offer = payable ? await checkoutOffer(payment.merchantId, options.environment ?? 'DESKTOP') : null;
  const choices = offer ? offer.choices.map((entry) => ({ channel: entry.channel.channel, available: entry.available })) : null;
  const appSheet = payable ? appSheetOf(newest ?? undefined, options.environment ?? 'DESKTOP') : null;
  return { ...view, status, qr: payable ? qrOf(newest ?? undefined) : null, appSheet, choices, elsewhere: offer?.elsewhere ?? [] };
}
