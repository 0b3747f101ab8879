// Delivery of the simulator's callbacks (server/sandbox/notification-outbox.ts): a GET of notify_url with
// the signed fields in the query string, taken only when the answer is HTTP 200 with the exact body
// `success`. epay gateways retry a failed callback from a cron a handful of times over some hours; we
// retry after 1m, 5m, 30m, 2h and 6h, then give up (6 attempts).
import { z } from 'zod';
import { db } from '@/server/db/client';
import type { SandboxEasypayNotification } from '@/server/db/generated/client';
import { deliverDueNotifications, deliverNotification, sendNotificationRequest, type NotificationOutbox } from '../notification-outbox';
import { signedTradeParams, withParams } from './trade-notification';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const EASYPAY_NOTIFY_RETRY_DELAYS_MS = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR] as const;
const storedParams = z.record(z.string(), z.string());

const easypayOutbox: NotificationOutbox<SandboxEasypayNotification> = {
  table: () => db().sandboxEasypayNotification,
  retryDelaysMs: EASYPAY_NOTIFY_RETRY_DELAYS_MS,
  async send(row) {
    const params = await signedTradeParams(storedParams.parse(row.params));
    if (!params) return { ok: false, detail: 'the merchant no longer exists', final: true };
    const url = withParams(row.notifyUrl, params);
    return sendNotificationRequest(() => ({ url, init: { method: 'GET' } }), (status, body) => status === 200 && body === 'success');
  },
};

/** Makes one attempt at a callback if it is due and nobody else claimed it; true when the receiver took it. */
export function deliverEasypayNotification(id: string, now: Date): Promise<boolean> {
  return deliverNotification(easypayOutbox, id, now);
}

/** For the durable job: one attempt at every callback due by `now`, oldest first. */
export function deliverDueEasypayNotifications(options: { now: Date; limit?: number }): Promise<{ attempted: number; delivered: number }> {
  return deliverDueNotifications(easypayOutbox, options);
}
