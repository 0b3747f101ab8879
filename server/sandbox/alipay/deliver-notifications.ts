// Delivery of the simulator's async notifies (server/sandbox/notification-outbox.ts): Alipay POSTs the
// signed form and retries until the receiver answers the literal body `success`, on its published schedule.
import { z } from 'zod';
import { db } from '@/server/db/client';
import type { SandboxAlipayNotification } from '@/server/db/generated/client';
import { deliverDueNotifications, deliverNotification, sendNotificationRequest, type NotificationOutbox } from '../notification-outbox';
import { toBeijingTime } from '@/server/gateway/beijing-time';
import { signedParams } from './simulator-signature';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** After the first attempt fails: 4m, 10m, 10m, 1h, 2h, 6h, 15h; then Alipay gives up (8 attempts). */
export const ALIPAY_NOTIFY_RETRY_DELAYS_MS = [4 * MINUTE, 10 * MINUTE, 10 * MINUTE, HOUR, 2 * HOUR, 6 * HOUR, 15 * HOUR] as const;
const storedParams = z.record(z.string(), z.string());

const alipayOutbox: NotificationOutbox<SandboxAlipayNotification> = {
  table: () => db().sandboxAlipayNotification,
  retryDelaysMs: ALIPAY_NOTIFY_RETRY_DELAYS_MS,
  async send(row, now) {
    const params = await signedParams({ ...storedParams.parse(row.params), notify_id: row.id, notify_time: toBeijingTime(now) });
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(params).toString(),
    };
    return sendNotificationRequest(() => ({ url: row.notifyUrl, init }), (status, body) => status === 200 && body === 'success');
  },
};

/** Makes one attempt at a notify if it is due and nobody else claimed it; true when the receiver took it. */
export function deliverAlipayNotification(id: string, now: Date): Promise<boolean> {
  return deliverNotification(alipayOutbox, id, now);
}

/** For the durable job: one attempt at every notify due by `now`, oldest first. */
export function deliverDueAlipayNotifications(options: { now: Date; limit?: number }): Promise<{ attempted: number; delivered: number }> {
  return deliverDueNotifications(alipayOutbox, options);
}
