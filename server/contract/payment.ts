import type { Order, Payment } from '@/server/db/generated/client';

/** The Payment object of api-contract.md (a type, not an interface, so the outbox stores it as JSON uncast). */
export type PaymentObject = {
  serialNo: string;
  orderNo: string;
  merchantId: string;
  /** null (with channel) while a CASHIER payment waits for the payer to choose a channel. */
  paymentId: string | null;
  channel: Payment['channel'];
  invokeMethod: Payment['invokeMethod'];
  amount: number;
  currency: string;
  subject: string;
  status: Payment['status'];
  channelTradeNo: string | null;
  refundedAmount: number;
  /** Held by the channel for splitting (v1.1). */
  profitSharing: boolean;
  /** Fen split so far, splits that are not FAILED (v1.1). */
  splitAmount: number;
  paidAt: string | null;
  expiresAt: string;
  livemode: boolean;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
};

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
