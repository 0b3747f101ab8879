import { db } from '@/server/db/client';
import type { Channel } from '@/server/db/generated/client';
import { isSerialNo } from '../serial-numbers';

/**
 * A paid payment's receipt as the payer may see it again from the receipt link: what was paid, to whom,
 * when, and the two numbers to quote to the merchant or the channel. Nothing about the payer, the app's
 * order number or metadata: the link may be forwarded.
 */
export interface ReceiptView {
  serialNo: string;
  merchantName: string;
  subject: string;
  amount: number;
  paidAt: Date;
  channel: Channel;
  channelTradeNo: string | null;
  livemode: boolean;
}

/**
 * The receipt of a checkout's serial number, or null while nothing is paid. The serial is the only key:
 * 13 random base62 characters make it unguessable, as for the checkout page itself. A CASHIER checkout
 * whose payer chose again was paid by a later attempt of the same order: its receipt is that attempt's.
 */
export async function getReceipt(options: { serialNo: string }): Promise<ReceiptView | null> {
  if (!isSerialNo(options.serialNo, 'P')) return null;
  const found = await db().payment.findUnique({ where: { serialNo: options.serialNo }, include: { order: { include: { merchant: { select: { name: true } } } } } });
  if (!found) return null;
  const paidSerialNo = found.status === 'SUCCEEDED' ? found.serialNo : found.invokeMethod === 'CASHIER' ? found.order.paidSerialNo : null;
  const paid = paidSerialNo === found.serialNo ? found : paidSerialNo ? await db().payment.findUnique({ where: { serialNo: paidSerialNo } }) : null;
  if (!paid || paid.status !== 'SUCCEEDED' || !paid.paidAt || !paid.channel) return null;
  return {
    serialNo: paid.serialNo,
    merchantName: found.order.merchant.name,
    subject: paid.subject,
    amount: paid.amount,
    paidAt: paid.paidAt,
    channel: paid.channel,
    channelTradeNo: paid.channelTradeNo,
    livemode: paid.livemode,
  };
}
