// The simulator's callbacks (delivered by server/sandbox/notification-outbox.ts). WeChat Pay POSTs {id,
// create_time, event_type, resource_type, summary, resource} with the resource encrypted under the
// merchant's APIv3 key, signed like its API answers, and retries until the receiver answers 200 or 204,
// on its published schedule.
import { randomUUID } from 'node:crypto';
import { db, type Tx } from '@/server/db/client';
import type { Prisma, SandboxWechatNotification } from '@/server/db/generated/client';
import { toWechatTime } from '@/server/gateway/channels/wechatpay/wechatpay-time';
import { deliverDueNotifications, deliverNotification, sendNotificationRequest, type NotificationOutbox } from '../notification-outbox';
import { encryptResource } from './aead';
import { findWechatpayMerchant, merchantApiV3Key } from './merchant-account';
import { wechatpaySignatureHeaders } from './simulator-signature';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** After the first attempt fails: 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 60m, 3h, 3h, 3h, 6h, 6h; then WeChat gives up. */
export const WECHATPAY_NOTIFY_RETRY_DELAYS_MS = [
  15 * SECOND, 15 * SECOND, 30 * SECOND, 3 * MINUTE, 10 * MINUTE, 20 * MINUTE, 30 * MINUTE, 30 * MINUTE, 30 * MINUTE,
  60 * MINUTE, 3 * HOUR, 3 * HOUR, 3 * HOUR, 6 * HOUR, 6 * HOUR,
] as const;

export interface CallbackEvent {
  mchId: string;
  notifyUrl: string;
  eventType: 'TRANSACTION.SUCCESS' | 'REFUND.SUCCESS' | 'REFUND.ABNORMAL' | 'REFUND.CLOSED' | 'PROFITSHARING.SUCCESS' | 'PROFITSHARING.CLOSED';
  summary: string;
  /** 'transaction', 'refund' or 'profitsharing': the original_type and the associated data of the encryption. */
  resourceKind: 'transaction' | 'refund' | 'profitsharing';
  resource: Prisma.InputJsonObject;
}

/** Queues a callback for immediate delivery, in the transaction of the change it announces; returns its id. */
export async function enqueueWechatpayNotification(tx: Tx, event: CallbackEvent, now: Date): Promise<string> {
  const id = randomUUID();
  await tx.sandboxWechatNotification.create({ data: { id, ...event, nextAttemptAt: now, createdAt: now } });
  return id;
}

/** The callback body and headers of one attempt: encrypted and signed afresh, under the same id. */
export async function callbackRequest(id: string, now: Date): Promise<{ url: string; body: string; headers: Record<string, string> }> {
  const row = await db().sandboxWechatNotification.findUniqueOrThrow({ where: { id } });
  const merchant = await findWechatpayMerchant(row.mchId);
  if (!merchant) throw new Error(`sandbox WeChat Pay merchant ${row.mchId} is gone`);
  const resource = encryptResource(await merchantApiV3Key(row.mchId), row.resourceKind, JSON.stringify(row.resource));
  const body = JSON.stringify({
    id: row.id,
    create_time: toWechatTime(row.createdAt),
    resource_type: 'encrypt-resource',
    event_type: row.eventType,
    summary: row.summary,
    resource: { original_type: row.resourceKind, ...resource },
  });
  const headers = { ...(await wechatpaySignatureHeaders(body, merchant.verifyMode, now)), 'Content-Type': 'application/json' };
  return { url: row.notifyUrl, body, headers };
}

const wechatpayOutbox: NotificationOutbox<SandboxWechatNotification> = {
  table: () => db().sandboxWechatNotification,
  retryDelaysMs: WECHATPAY_NOTIFY_RETRY_DELAYS_MS,
  send: (row, now) =>
    sendNotificationRequest(
      async () => {
        const { url, body, headers } = await callbackRequest(row.id, now);
        return { url, init: { method: 'POST', headers, body } };
      },
      (status) => status === 200 || status === 204,
    ),
};

/** Makes one attempt at a callback if it is due and nobody else claimed it; true when the receiver took it. */
export function deliverWechatpayNotification(id: string, now: Date): Promise<boolean> {
  return deliverNotification(wechatpayOutbox, id, now);
}

/** For the durable job: one attempt at every callback due by `now`, oldest first. */
export function deliverDueWechatpayNotifications(options: { now: Date; limit?: number }): Promise<{ attempted: number; delivered: number }> {
  return deliverDueNotifications(wechatpayOutbox, options);
}
