import { z } from 'zod';
import type { Order, Payment } from '@/server/db/generated/client';
import { Channel, InvokeMethod, PaymentStatus } from '@/server/db/generated/enums';
import { isoTime } from './fields';

/** The Payment object of api-contract.md: what the routes answer and the OpenAPI document describes. */
export const paymentObject = z.object({
  serialNo: z.string().meta({ description: "PayCenter's number of this attempt, also the channel's out_trade_no." }),
  orderNo: z.string().meta({ description: "The app's own order number." }),
  merchantId: z.string(),
  paymentId: z.string().nullable().meta({ description: 'The payment channel; null (with channel) while a CASHIER payment waits for the payer to choose one.' }),
  channel: z.enum(Channel).nullable(),
  invokeMethod: z.enum(InvokeMethod),
  amount: z.number().int().meta({ description: 'Fen (minor units).' }),
  currency: z.string().meta({ description: 'Always "CNY".', examples: ['CNY'] }),
  subject: z.string(),
  status: z.enum(PaymentStatus).meta({ description: 'Moves only forward: PENDING → SUCCEEDED | FAILED | CLOSED (a channel-verified success may still turn a CLOSED attempt SUCCEEDED).' }),
  channelTradeNo: z.string().nullable().meta({ description: "The channel's transaction number (Alipay trade_no, WeChat Pay transaction_id)." }),
  refundedAmount: z.number().int(),
  profitSharing: z.boolean().meta({ description: 'Held by the channel for splitting (v1.1).' }),
  splitAmount: z.number().int().meta({ description: 'Fen split so far, splits that are not FAILED (v1.1).' }),
  paidAt: isoTime.nullable(),
  expiresAt: isoTime,
  livemode: z.boolean().meta({ description: 'false for sandbox payments.' }),
  metadata: z.record(z.string(), z.string()),
  createdAt: isoTime,
  updatedAt: isoTime,
});

/** The Payment object of api-contract.md (a type, not an interface, so the outbox stores it as JSON uncast). */
export type PaymentObject = z.infer<typeof paymentObject>;

/**
 * A PENDING attempt past its expiry is answered as CLOSED before the expiry workflow has closed it
 * at the channel: the app must not show the user a payable order that the channel will refuse.
 */
export function effectiveStatus(payment: Pick<Payment, 'status' | 'expiresAt'>, now = new Date()): Payment['status'] {
  return payment.status === 'PENDING' && payment.expiresAt.getTime() <= now.getTime() ? 'CLOSED' : payment.status;
}

export function toPaymentObject(payment: Payment, order: Pick<Order, 'orderNo'>, now = new Date()): PaymentObject {
  return {
    serialNo: payment.serialNo,
    orderNo: order.orderNo,
    merchantId: payment.merchantId,
    paymentId: payment.paymentChannelId,
    channel: payment.channel,
    invokeMethod: payment.invokeMethod,
    amount: payment.amount,
    currency: payment.currency,
    subject: payment.subject,
    status: effectiveStatus(payment, now),
    channelTradeNo: payment.channelTradeNo,
    refundedAmount: payment.refundedAmount,
    profitSharing: payment.profitSharing,
    splitAmount: payment.splitAmount,
    paidAt: payment.paidAt?.toISOString() ?? null,
    expiresAt: payment.expiresAt.toISOString(),
    livemode: payment.livemode,
    metadata: (payment.metadata ?? {}) as Record<string, string>,
    createdAt: payment.createdAt.toISOString(),
    updatedAt: payment.updatedAt.toISOString(),
  };
}
