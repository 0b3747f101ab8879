// Delivery of the simulator's callbacks: a GET of notify_url with the signed fields in the query
// string, taken only when the answer is HTTP 200 with the exact body `success`. epay gateways retry a
// failed callback from a cron a handful of times over some hours; we retry after 1m, 5m, 30m, 2h and
// 6h, then give up (6 attempts). Each attempt first claims the row with a conditional update, so
// several server instances (or a job and a payment) never send the same attempt twice.
import { z } from 'zod';
import { db } from '@/server/db/client';
import { signedTradeParams, withParams } from './trade-notification';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const EASYPAY_NOTIFY_RETRY_DELAYS_MS = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR] as const;
const SEND_TIMEOUT_MS = 10_000;
const storedParams = z.record(z.string(), z.string());

async function send(url: string): Promise<{ ok: boolean; detail: string }> {
  try {
    const response = await fetch(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
    const text = await response.text();
    return { ok: response.status === 200 && text === 'success', detail: `HTTP ${response.status}: ${text.slice(0, 200)}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Makes one attempt at a callback if it is due and nobody else claimed it; true when the receiver took it. */
export async function deliverEasypayNotification(id: string, now: Date): Promise<boolean> {
  const row = await db().sandboxEasypayNotification.findUnique({ where: { id } });
  if (!row?.nextAttemptAt || row.deliveredAt || row.nextAttemptAt > now) return false;
  const attemptsAfter = row.attempts + 1;
  const delay = EASYPAY_NOTIFY_RETRY_DELAYS_MS[attemptsAfter - 1];
  const retryAt = delay === undefined ? null : new Date(now.getTime() + delay);
  // The claim moves the due time to the next retry, so a crash mid-send still leads to a retry.
  const claimed = await db().sandboxEasypayNotification.updateMany({
    where: { id, nextAttemptAt: row.nextAttemptAt, deliveredAt: null },
    data: { nextAttemptAt: retryAt ?? new Date(now.getTime() + SEND_TIMEOUT_MS * 2) },
  });
  if (claimed.count !== 1) return false;

  const params = await signedTradeParams(storedParams.parse(row.params));
  const outcome = params ? await send(withParams(row.notifyUrl, params)) : { ok: false, detail: 'the merchant no longer exists' };
  await db().sandboxEasypayNotification.update({
    where: { id },
    data: { attempts: attemptsAfter, lastResult: outcome.detail, ...(outcome.ok ? { deliveredAt: now, nextAttemptAt: null } : { nextAttemptAt: params ? retryAt : null }) },
  });
  return outcome.ok;
}

/** For the durable job: one attempt at every callback due by `now`, oldest first. */
export async function deliverDueEasypayNotifications(options: { now: Date; limit?: number }): Promise<{ attempted: number; delivered: number }> {
  const due = await db().sandboxEasypayNotification.findMany({
    where: { nextAttemptAt: { lte: options.now }, deliveredAt: null },
    orderBy: { nextAttemptAt: 'asc' },
    take: options.limit ?? 100,
    select: { id: true },
  });
  let delivered = 0;
  for (const { id } of due) {
    if (await deliverEasypayNotification(id, options.now)) delivered++;
  }
  return { attempted: due.length, delivered };
}
