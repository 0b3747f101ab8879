import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan, assertInScope } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { effectiveStatus } from '@/server/contract/payment';
import { paymentTimeline } from './payment-timeline';

export const getPaymentDetailInput = z.object({ serialNo: z.string().trim().min(1).max(64) });

const ATTEMPT_FIELDS = {
  serialNo: true,
  amount: true,
  status: true,
  expiresAt: true,
  channel: true,
  invokeMethod: true,
  createdAt: true,
  paidAt: true,
} as const;

/**
 * One attempt with everything about it: its order and the order's other attempts, refunds, raw
 * channel callbacks, events sent to the app, alerts, and all of them merged into a timeline.
 * Another company's attempt is "not found", never "forbidden", so serial numbers cannot be probed.
 */
export async function getPaymentDetail(options: { actor: Actor; serialNo: string; now?: Date }) {
  assertCan(options.actor, 'payment.read');
  const now = options.now ?? new Date();
  const row = await db().payment.findUnique({
    where: { serialNo: options.serialNo },
    include: {
      paymentChannel: { select: { mode: true } },
      order: {
        include: {
          app: { select: { id: true, name: true } },
          merchant: { select: { id: true, name: true, company: { select: { id: true, name: true } } } },
          payments: { select: ATTEMPT_FIELDS, orderBy: { createdAt: 'asc' } },
        },
      },
    },
  });
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(options.actor, row.companyId);

  const { serialNo } = row;
  const refunds = await db().refund.findMany({ where: { serialNo }, orderBy: { createdAt: 'asc' } });
  const refundSerialNos = refunds.map((refund) => refund.refundSerialNo);
  const [callbacks, events, alerts] = await Promise.all([
    db().channelNotification.findMany({
      where: { serialNo },
      orderBy: { receivedAt: 'asc' },
      select: { id: true, channel: true, method: true, headers: true, query: true, body: true, verified: true, outcome: true, reason: true, receivedAt: true, processedAt: true },
    }),
    db().outboxEvent.findMany({
      where: { OR: [{ serialNo }, ...(refundSerialNos.length > 0 ? [{ refundSerialNo: { in: refundSerialNos } }] : [])] },
      orderBy: { cursor: 'asc' },
      select: { id: true, type: true, refundSerialNo: true, data: true, createdAt: true },
    }),
    db().alert.findMany({ where: { serialNo }, orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, severity: true, status: true, occurrences: true, message: true, createdAt: true, lastSeenAt: true } }),
  ]);

  const status = effectiveStatus(row, now);
  const { order } = row;
  const payment = {
    serialNo,
    status,
    amount: row.amount,
    currency: row.currency,
    subject: row.subject,
    channel: row.channel,
    // A CASHIER payment has no channel until the payer chooses one; its livemode says the mode.
    mode: row.paymentChannel?.mode ?? (row.livemode ? 'LIVE' : 'SANDBOX'),
    paymentChannelId: row.paymentChannelId,
    invokeMethod: row.invokeMethod,
    executionMethod: row.executionMethod,
    channelTradeNo: row.channelTradeNo,
    refundedAmount: row.refundedAmount,
    refundReservedAmount: row.refundReservedAmount,
    livemode: row.livemode,
    metadata: row.metadata,
    duplicateOf: row.duplicateOf,
    failureCode: row.failureCode,
    failureMessage: row.failureMessage,
    expiresAt: row.expiresAt,
    paidAt: row.paidAt,
    closedAt: row.closedAt,
    failedAt: row.failedAt,
    createdAt: row.createdAt,
  };
  return {
    payment,
    // Refunds reserve their amount when created, so the reserved total (not the refunded one) bounds a new refund.
    refundableAmount: status === 'SUCCEEDED' ? row.amount - row.refundReservedAmount : 0,
    order: {
      id: order.id,
      orderNo: order.orderNo,
      amount: order.amount,
      subject: order.subject,
      status: order.status,
      paidSerialNo: order.paidSerialNo,
      createdAt: order.createdAt,
    },
    app: order.app,
    merchant: { id: order.merchant.id, name: order.merchant.name },
    company: order.merchant.company,
    attempts: order.payments.map(({ expiresAt, status: attemptStatus, ...attempt }) => ({ ...attempt, status: effectiveStatus({ status: attemptStatus, expiresAt }, now) })),
    refunds: refunds.map((refund) => ({
      refundSerialNo: refund.refundSerialNo,
      refundNo: refund.refundNo,
      amount: refund.amount,
      status: refund.status,
      initiator: refund.initiator,
      channelRefundNo: refund.channelRefundNo,
      reason: refund.reason,
      failureCode: refund.failureCode,
      failureMessage: refund.failureMessage,
      createdAt: refund.createdAt,
      succeededAt: refund.succeededAt,
      failedAt: refund.failedAt,
    })),
    callbacks,
    events,
    alerts,
    timeline: paymentTimeline({ payment: { ...row, status }, refunds, callbacks, events, alerts }),
  };
}
