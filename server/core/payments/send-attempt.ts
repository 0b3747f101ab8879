import { db } from '@/server/db/client';
import type { Payment, Prisma } from '@/server/db/generated/client';
import type { Execution } from '@/server/gateway/request-parser';
import type { ChannelAction } from '@/server/gateway/types';
import { logger } from '@/server/logging/logger';
import { dispatchEvents } from '@/server/messaging/dispatch-events';
import { writeOutboxEvent, type WrittenEvent } from '@/server/messaging/write-outbox-event';
import { channelAppError, channelOf } from './channel-call';
import { checkoutUrl, channelNotifyUrl } from './notify-url';
import { toPaymentObject } from './payment-object';

/** The action of api-contract.md the app receives. */
export type AppAction =
  | ChannelAction
  | { type: 'CHECKOUT'; url: string }
  | { type: 'QR_CODE'; content: string; checkoutUrl: string };

/**
 * What is stored on the attempt: the app's action, and the channel's own (a QR code's content, an
 * order string) that the hosted checkout and the sandbox helpers need.
 */
export interface StoredAction {
  app: AppAction;
  channel: ChannelAction;
}

function appActionFor(execution: Execution, serialNo: string, channelAction: ChannelAction): AppAction {
  if (execution.action === 'CHECKOUT') return { type: 'CHECKOUT', url: checkoutUrl(serialNo) };
  if (channelAction.type === 'QR_CODE') return { ...channelAction, checkoutUrl: checkoutUrl(serialNo) };
  return channelAction;
}

/**
 * Sends a recorded attempt to its channel, outside any transaction, and records the outcome. A
 * refusal marks the attempt FAILED (a retry makes a new attempt) and answers 502 CHANNEL_ERROR.
 */
export async function sendAttempt(payment: Payment, execution: Execution): Promise<{ payment: Payment; action: AppAction }> {
  let stored: StoredAction;
  let channelTradeNo: string | null;
  try {
    const { plugin, account } = await channelOf(payment);
    const created = await plugin.createPayment({
      account,
      execution,
      serialNo: payment.serialNo,
      amount: payment.amount,
      subject: payment.subject,
      expiresAt: payment.expiresAt,
      notifyUrl: channelNotifyUrl(account.channel, account.paymentId),
      returnUrl: payment.returnUrl,
      payer: (payment.payer ?? undefined) as { openId?: string; buyerId?: string; clientIp?: string } | undefined,
    });
    stored = { app: appActionFor(execution, payment.serialNo, created.action), channel: created.action };
    channelTradeNo = created.channelTradeNo;
  } catch (error) {
    const appError = channelAppError(error, { serialNo: payment.serialNo });
    logger().warn({ serialNo: payment.serialNo, channel: payment.channel, details: appError.details }, 'channel refused a payment attempt');
    const written: WrittenEvent[] = [];
    await db().$transaction(async (tx) => {
      const failed = await tx.payment.updateMany({
        where: { serialNo: payment.serialNo, status: 'PENDING' },
        data: { status: 'FAILED', failedAt: new Date(), nextQueryAt: null, failureCode: String(appError.details?.channelCode), failureMessage: String(appError.details?.channelMessage).slice(0, 500) },
      });
      if (failed.count === 0) return;
      const [row, order] = await Promise.all([tx.payment.findUniqueOrThrow({ where: { serialNo: payment.serialNo } }), tx.order.findUniqueOrThrow({ where: { id: payment.orderId } })]);
      written.push(await writeOutboxEvent(tx, { type: 'payment.failed', appId: row.appId, companyId: row.companyId, livemode: row.livemode, serialNo: row.serialNo, data: { payment: toPaymentObject(row, order) } }));
    });
    dispatchEvents(written);
    throw appError;
  }
  const updated = await db().payment.update({
    where: { serialNo: payment.serialNo },
    data: { action: stored as unknown as Prisma.InputJsonValue, ...(channelTradeNo ? { channelTradeNo } : {}) },
  });
  return { payment: updated, action: stored.app };
}
