// Delivery of the simulator's async notifies. Alipay retries until the receiver answers the literal body
// `success`, on its published schedule. Each attempt first claims the row with a conditional update, so
// several server instances (or a job and a payment) never send the same attempt twice.
import { z } from 'zod';
import { db } from '@/server/db/client';
import { alipayTime } from './alipay-time';
import { signedParams } from './simulator-signature';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** After the first attempt fails: 4m, 10m, 10m, 1h, 2h, 6h, 15h; then Alipay gives up (8 attempts). */
export const ALIPAY_NOTIFY_RETRY_DELAYS_MS = [4 * MINUTE, 10 * MINUTE, 10 * MINUTE, HOUR, 2 * HOUR, 6 * HOUR, 15 * HOUR] as const;
const SEND_TIMEOUT_MS = 10_000;
const storedParams = z.record(z.string(), z.string());

interface Outcome {
  ok: boolean;
  detail: string;
}

async function send(url: string, params: Record<string, string>): Promise<Outcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(params).toString(),
      redirect: 'manual',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const text = await response.text();
    return { ok: response.status === 200 && text === 'success', detail: `HTTP ${response.status}: ${text.slice(0, 200)}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Makes one attempt at a notify if it is due and nobody else claimed it; true when the receiver took it. */
export async function deliverAlipayNotification(id: string, now: Date): Promise<boolean> {
  const row = await db().sandboxAlipayNotification.findUnique({ where: { id } });
  if (!row?.nextAttemptAt || row.deliveredAt || row.nextAttemptAt > now) return false;
  const retryAt = (attemptsAfter: number) => {
    const delay = ALIPAY_NOTIFY_RETRY_DELAYS_MS[attemptsAfter - 1];
    return delay === undefined ? null : new Date(now.getTime() + delay);
  };
  // The claim moves the due time to the next retry, so a crash mid-send still leads to a retry.
  const attemptsAfter = row.attempts + 1;
  const claimed = await db().sandboxAlipayNotification.updateMany({
    where: { id, nextAttemptAt: row.nextAttemptAt, deliveredAt: null },
    data: { nextAttemptAt: retryAt(attemptsAfter) ?? new Date(now.getTime() + SEND_TIMEOUT_MS * 2) },
  });
  if (claimed.count !== 1) return false;

  const params = await signedParams({ ...storedParams.parse(row.params), notify_id: row.id, notify_time: alipayTime(now) });
  const outcome = await send(row.notifyUrl, params);
  await db().sandboxAlipayNotification.update({
    where: { id },
    data: {
      attempts: attemptsAfter,
      lastResult: outcome.detail,
      ...(outcome.ok ? { deliveredAt: now, nextAttemptAt: null } : { nextAttemptAt: retryAt(attemptsAfter) }),
    },
  });
  return outcome.ok;
}

/** For the durable job: one attempt at every notify due by `now`, oldest first. */
export async function deliverDueAlipayNotifications(options: { now: Date; limit?: number }): Promise<{ attempted: number; delivered: number }> {
  const due = await db().sandboxAlipayNotification.findMany({
    where: { nextAttemptAt: { lte: options.now }, deliveredAt: null },
    orderBy: { nextAttemptAt: 'asc' },
    take: options.limit ?? 100,
    select: { id: true },
  });
  let delivered = 0;
  for (const { id } of due) {
    if (await deliverAlipayNotification(id, options.now)) delivered++;
  }
  return { attempted: due.length, delivered };
}
