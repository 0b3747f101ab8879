import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { db, type Db, type Tx } from '@/server/db/client';
import type { Channel, NotificationOutcome } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { pluginFor } from '@/server/gateway/registry';
import type { ChannelAccount, ChannelPlugin, PaymentNotification, RefundNotification } from '@/server/gateway/types';
import { newId } from '@/server/lib/ids';
import { logger } from '@/server/logging/logger';
import { metrics } from '@/server/observability/metrics';
import { raiseAlert } from '@/server/messaging/raise-alert';
import { applyPaymentState } from '../payments/apply-payment-state';
import { applyRefundState } from '../refunds/apply-refund-state';
import { refundIfDuplicate } from '../payments/refund-if-duplicate';
import { syncPayment } from '../payments/sync-payment';
import { receiveSplitNotification } from './receive-split-notification';
import { recordRejectedCallback } from './record-rejected-callback';

export interface IncomingCallback {
  channel: Channel;
  /** From the callback URL; a forged callback may name anything. */
  paymentId: string;
  method: string;
  headers: Record<string, string>;
  query: string;
  body: string;
}

export interface CallbackAnswer {
  status: number;
  body: string;
  contentType: string;
}

/** The stored callback a receiver settles. */
type StoredCallback = { id: string; channel: Channel; paymentChannelId: string };

/** A rejection's reason as a metric label: its code, without the detail some reasons carry after a colon. */
const reasonLabel = (outcome: NotificationOutcome, reason: string | undefined) => (outcome === 'REJECTED' && reason ? reason.split(':')[0]! : '');

/**
 * A callback that failed verification (or names no account of its channel): recorded, within its
 * payment ID's storage cap, with its CALLBACK_REJECTED alert in one transaction, and counted.
 */
async function reject(callback: IncomingCallback, fields: { knownAccount: boolean; reason: string; serialNo?: string | null }): Promise<string> {
  const id = newId('ntf');
  const contentStored = await db().$transaction(async (tx) => {
    const kept = await recordRejectedCallback(tx, { ...callback, id, knownAccount: fields.knownAccount, reason: fields.reason, serialNo: fields.serialNo ?? null });
    await alertRejected(tx, { id, channel: callback.channel, paymentChannelId: callback.paymentId }, fields);
    return kept;
  });
  metrics().callbacks.inc({ channel: callback.channel, outcome: 'REJECTED', verified: 'false', reason: reasonLabel('REJECTED', fields.reason) });
  if (!contentStored) metrics().callbackContentDropped.inc({ channel: callback.channel });
  return id;
}

async function settle(stored: StoredCallback, outcome: NotificationOutcome, fields: { verified: boolean; reason?: string; serialNo?: string | null; companyId?: string }): Promise<void> {
  const record = (client: Db | Tx) =>
    client.channelNotification.update({
      where: { id: stored.id },
      data: { outcome, verified: fields.verified, reason: fields.reason ?? null, serialNo: fields.serialNo ?? undefined, companyId: fields.companyId, processedAt: new Date() },
    });
  // Only a rejection needs a transaction (its alert commits with its record); the rest stay one statement under bursts of retries.
  if (outcome === 'REJECTED') {
    await db().$transaction(async (tx) => {
      await record(tx);
      await alertRejected(tx, stored, fields);
    });
  } else {
    await record(db());
  }
  metrics().callbacks.inc({ channel: stored.channel, outcome, verified: String(fields.verified), reason: reasonLabel(outcome, fields.reason) });
}

/**
 * CALLBACK_REJECTED, with the callback's record. About the payment ID the callback was sent to, not
 * the serial number it names (a forged one may name none, or anyone's); callbacks to a payment ID
 * that does not exist are one subject per channel, so a spray of made-up IDs is one alert.
 */
async function alertRejected(tx: Tx, stored: StoredCallback, fields: { reason?: string; serialNo?: string | null }): Promise<void> {
  const account = await tx.paymentChannel.findUnique({ where: { id: stored.paymentChannelId }, select: { companyId: true, channel: true } });
  const known = account?.channel === stored.channel ? account : null;
  await raiseAlert(tx, {
    kind: 'CALLBACK_REJECTED',
    companyId: known?.companyId ?? null,
    subject: known ? `callbacks:${stored.paymentChannelId}` : `callbacks:${stored.channel}:unknown-payment-id`,
    message: `${stored.channel} callback to payment ID ${stored.paymentChannelId} rejected: ${fields.reason ?? 'no reason'}.`,
    details: { notificationId: stored.id, paymentId: stored.paymentChannelId, reason: fields.reason ?? null, claimedSerialNo: fields.serialNo ?? null },
  });
}

/** However many rejected callbacks name an attempt, the channel is asked about it at most this often. */
const REJECTED_QUERY_INTERVAL_MS = 60_000;

/**
 * A callback we cannot trust changes nothing; the channel's own answer to a query decides instead.
 * The query is claimed in the database (one conditional update, so every server instance sees the
 * same claim): a flood of forged callbacks becomes at most one query per attempt per minute.
 */
async function activeQueryInstead(serialNo: string | null, paymentId: string): Promise<void> {
  if (!serialNo) return;
  const now = new Date();
  const claimed = await db().payment.updateMany({
    where: {
      serialNo,
      paymentChannelId: paymentId,
      status: { not: 'SUCCEEDED' },
      OR: [{ lastRejectedQueryAt: null }, { lastRejectedQueryAt: { lte: new Date(now.getTime() - REJECTED_QUERY_INTERVAL_MS) } }],
    },
    data: { lastRejectedQueryAt: now },
  });
  if (claimed.count === 0) return;
  await syncPayment({ serialNo, now }).catch((error: unknown) => logger().warn({ err: error, serialNo }, 'active query after a rejected callback failed'));
}

async function loadPlugin(callback: IncomingCallback): Promise<{ plugin: ChannelPlugin; account: ChannelAccount } | null> {
  const account = await loadChannelAccount(callback.paymentId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!account || account.channel !== callback.channel) return null;
  return { plugin: pluginFor(callback.channel), account };
}

/**
 * A channel's callback: verified through the plugin (signature against the whitelist, app and
 * merchant identity; no statement but the account's read), stored exactly as received, matched to
 * its attempt (same payment ID, same amount) and applied. A verified callback is always stored in
 * full; a rejected one within its payment ID's cap (recordRejectedCallback). Answers what the
 * channel expects: ok once the callback is recorded for good, not ok when it should come again.
 */
export async function receiveNotification(callback: IncomingCallback): Promise<CallbackAnswer> {
  const target = await loadPlugin(callback);
  if (!target) {
    await reject(callback, { knownAccount: false, reason: 'unknown payment ID for this channel' });
    return { status: 404, body: 'unknown payment ID', contentType: 'text/plain; charset=utf-8' };
  }
  const { plugin, account } = target;
  const check = plugin.parseNotification({ account, method: callback.method, headers: callback.headers, query: callback.query, body: callback.body });
  if (!check.verified) {
    const notificationId = await reject(callback, { knownAccount: true, reason: check.reason, serialNo: check.serialNo });
    logger().warn({ notificationId, paymentId: callback.paymentId, reason: check.reason }, 'channel callback rejected');
    await activeQueryInstead(check.serialNo, callback.paymentId);
    return plugin.ackNotification(false);
  }

  const stored = await db().channelNotification.create({
    data: { id: newId('ntf'), channel: callback.channel, paymentChannelId: callback.paymentId, method: callback.method, headers: callback.headers, query: callback.query, body: callback.body },
  });
  const { notification } = check;
  switch (notification.kind) {
    case 'PAYMENT':
      return receivePayment(stored, callback.paymentId, notification, plugin);
    case 'REFUND':
      return receiveRefund(stored, callback.paymentId, notification, plugin);
    case 'SPLIT': {
      const received = await receiveSplitNotification({ paymentId: callback.paymentId, notification });
      await settle(stored, received.outcome, { verified: true, ...received });
      return plugin.ackNotification(true);
    }
  }
}

async function receivePayment(stored: StoredCallback, paymentId: string, notification: PaymentNotification, plugin: ChannelPlugin): Promise<CallbackAnswer> {
  const payment = await db().payment.findUnique({ where: { serialNo: notification.serialNo } });
  if (!payment || payment.paymentChannelId !== paymentId) {
    // Signed by the channel, but not for a payment of this payment ID: nothing of ours to change.
    await settle(stored, 'REJECTED', { verified: true, reason: 'no such payment for this payment ID', serialNo: notification.serialNo });
    return plugin.ackNotification(true);
  }
  const applied = await applyPaymentState({
    serialNo: payment.serialNo,
    payment,
    observed: { state: notification.state, channelTradeNo: notification.channelTradeNo, amount: notification.amount, paidAt: notification.paidAt },
  });
  await settle(stored, applied.outcome, {
    verified: true,
    serialNo: payment.serialNo,
    companyId: payment.companyId,
    reason: applied.outcome === 'AMOUNT_MISMATCH' ? `amount ${notification.amount} ≠ ${payment.amount}` : undefined,
  });
  await refundIfDuplicate(applied);
  return plugin.ackNotification(true);
}

/** A refund result pushed by the channel (WeChat Pay): the same settlement as the refund query's. */
async function receiveRefund(stored: StoredCallback, paymentId: string, notification: RefundNotification, plugin: ChannelPlugin): Promise<CallbackAnswer> {
  const refund = await db().refund.findUnique({ where: { refundSerialNo: notification.refundSerialNo }, include: { payment: { select: { paymentChannelId: true } } } });
  if (!refund || refund.serialNo !== notification.serialNo || refund.payment.paymentChannelId !== paymentId) {
    await settle(stored, 'REJECTED', { verified: true, reason: 'no such refund for this payment ID', serialNo: notification.serialNo });
    return plugin.ackNotification(true);
  }
  if (notification.state === 'SUCCEEDED' && notification.amount !== null && notification.amount !== refund.amount) {
    const reason = `refund amount ${notification.amount} ≠ ${refund.amount}`;
    await settle(stored, 'AMOUNT_MISMATCH', { verified: true, serialNo: refund.serialNo, companyId: refund.companyId, reason });
    await raiseAlert(db(), { kind: 'AMOUNT_MISMATCH', companyId: refund.companyId, serialNo: refund.serialNo, message: `Refund ${refund.refundSerialNo}: ${reason}`, details: { refundSerialNo: refund.refundSerialNo } });
    return plugin.ackNotification(true);
  }
  const applied = await applyRefundState({ refundSerialNo: refund.refundSerialNo, state: notification.state, channelRefundNo: notification.channelRefundNo });
  await settle(stored, applied.changed ? 'APPLIED' : 'UNCHANGED', { verified: true, serialNo: refund.serialNo, companyId: refund.companyId });
  return plugin.ackNotification(true);
}
