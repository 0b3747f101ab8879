import type { AlertKind, NotificationOutcome, Payment, PaymentStatus, Refund } from '@/server/db/generated/client';

/** One moment in a payment's life; the dashboard words it by `kind`. */
export type TimelineEntry =
  | { at: Date; kind: 'attempt.created' | 'attempt.succeeded' | 'attempt.closed' | 'attempt.expired'; serialNo: string }
  | { at: Date; kind: 'attempt.failed'; serialNo: string; code: string | null; message: string | null }
  | { at: Date; kind: 'refund.created' | 'refund.succeeded' | 'refund.failed'; refundSerialNo: string; amount: number }
  | { at: Date; kind: 'callback'; id: string; outcome: NotificationOutcome }
  | { at: Date; kind: 'event'; id: string; type: string }
  | { at: Date; kind: 'alert'; id: string; alertKind: AlertKind; message: string };

export interface TimelineSources {
  payment: Pick<Payment, 'serialNo' | 'createdAt' | 'paidAt' | 'failedAt' | 'closedAt' | 'expiresAt' | 'failureCode' | 'failureMessage'> & { status: PaymentStatus };
  refunds: Pick<Refund, 'refundSerialNo' | 'amount' | 'createdAt' | 'succeededAt' | 'failedAt'>[];
  callbacks: { id: string; receivedAt: Date; outcome: NotificationOutcome }[];
  events: { id: string; createdAt: Date; type: string }[];
  alerts: { id: string; createdAt: Date; kind: AlertKind; message: string }[];
}

/**
 * Everything that happened to one attempt, oldest first. `payment.status` is the effective status:
 * a PENDING attempt past its expiry shows an "expired" moment at `expiresAt` until it is closed.
 */
export function paymentTimeline({ payment, refunds, callbacks, events, alerts }: TimelineSources): TimelineEntry[] {
  const { serialNo } = payment;
  const entries: TimelineEntry[] = [{ at: payment.createdAt, kind: 'attempt.created', serialNo }];
  if (payment.paidAt) entries.push({ at: payment.paidAt, kind: 'attempt.succeeded', serialNo });
  if (payment.failedAt) entries.push({ at: payment.failedAt, kind: 'attempt.failed', serialNo, code: payment.failureCode, message: payment.failureMessage });
  if (payment.closedAt) entries.push({ at: payment.closedAt, kind: 'attempt.closed', serialNo });
  else if (payment.status === 'CLOSED') entries.push({ at: payment.expiresAt, kind: 'attempt.expired', serialNo });
  for (const refund of refunds) {
    const base = { refundSerialNo: refund.refundSerialNo, amount: refund.amount };
    entries.push({ ...base, at: refund.createdAt, kind: 'refund.created' });
    if (refund.succeededAt) entries.push({ ...base, at: refund.succeededAt, kind: 'refund.succeeded' });
    if (refund.failedAt) entries.push({ ...base, at: refund.failedAt, kind: 'refund.failed' });
  }
  for (const callback of callbacks) entries.push({ at: callback.receivedAt, kind: 'callback', id: callback.id, outcome: callback.outcome });
  for (const event of events) entries.push({ at: event.createdAt, kind: 'event', id: event.id, type: event.type });
  for (const alert of alerts) entries.push({ at: alert.createdAt, kind: 'alert', id: alert.id, alertKind: alert.kind, message: alert.message });
  // Array.prototype.sort is stable: moments at the same millisecond keep the order above (cause before effect).
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
