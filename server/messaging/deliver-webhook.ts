import { db } from '@/server/db/client';
import type { WebhookAttemptTrigger } from '@/server/db/generated/client';
import { openAppSecret } from '@/server/security/app-secret';
import { newId } from '@/server/lib/ids';
import { signWebhook } from '@paycenter/node';
import { toEventObject, type EventObject } from '@/server/contract/event';
import { metrics } from '@/server/observability/metrics';
import { postWebhook, WEBHOOK_TIMEOUT_MS, type PostResult } from './post-webhook';
import { raiseAlert } from './raise-alert';
import { nextAttemptAt } from './webhook-schedule';

/** Longer than an attempt can take (the 10 s timeout plus the bookkeeping), so a live sender never loses it. */
export const LEASE_MS = WEBHOOK_TIMEOUT_MS * 3;

/**
 * DELIVERED: acknowledged. RETRY_SCHEDULED / EXHAUSTED: an automatic attempt failed, with or
 * without a next one. FAILED: a resend failed (the schedule is untouched). SKIPPED: nothing to do —
 * no delivery, not due, already final, or another sender holds the lease.
 */
export type DeliveryOutcome = 'DELIVERED' | 'RETRY_SCHEDULED' | 'EXHAUSTED' | 'FAILED' | 'SKIPPED';

const leaseFree = (now: Date) => ({ OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] });

/**
 * Takes the lease of one delivery by a conditional update: of any number of concurrent senders
 * (the in-process attempt, the retry workflow, the sweeper, a resend) exactly one wins. An
 * automatic attempt also needs the delivery PENDING and due; a resend only the lease.
 */
async function claim(deliveryId: string, trigger: WebhookAttemptTrigger, now: Date): Promise<Date | null> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const due = trigger === 'AUTO' ? { status: 'PENDING' as const, nextAttemptAt: { lte: now } } : {};
  const { count } = await db().webhookDelivery.updateMany({ where: { eventId: deliveryId, ...due, ...leaseFree(now) }, data: { leaseUntil } });
  return count === 1 ? leaseUntil : null;
}

/** What an attempt sends: known to the writer of a new event, else read from the delivery. */
export interface PreparedAttempt {
  deliveryId: string;
  appId: string;
  url: string;
  event: EventObject;
}

interface Sent {
  url: string;
  result: PostResult;
  startedAt: Date;
  /** When the event happened, and whether an earlier attempt was acknowledged already: the delivery latency's facts. */
  eventCreatedAt: Date;
  deliveredBefore: boolean;
}

async function prepare(deliveryId: string): Promise<{ prepared: PreparedAttempt; deliveredBefore: boolean }> {
  const delivery = await db().webhookDelivery.findUniqueOrThrow({ where: { eventId: deliveryId }, include: { event: true } });
  return { prepared: { deliveryId, appId: delivery.appId, url: delivery.url, event: toEventObject(delivery.event) }, deliveredBefore: delivery.deliveredAt !== null };
}

async function send(prepared: PreparedAttempt, deliveredBefore: boolean): Promise<Sent> {
  // The newest active secret: during a rotation apps accept both, and the new one is the one to move to.
  const secretRow = await db().appSecret.findFirst({ where: { appId: prepared.appId, revokedAt: null }, orderBy: { createdAt: 'desc' } });
  const startedAt = new Date();
  const attempt = { url: prepared.url, startedAt, eventCreatedAt: new Date(prepared.event.createdAt), deliveredBefore };
  if (!secretRow) return { ...attempt, result: { acknowledged: false, statusCode: null, responseExcerpt: null, error: 'the app has no active secret to sign with', durationMs: 0 } };
  const rawBody = JSON.stringify(prepared.event);
  // The receiver checks the timestamp against its own clock: always the real time.
  const timestamp = String(Math.floor(startedAt.getTime() / 1000));
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'PayCenter-Webhook/1',
    'X-PayCenter-Event-Id': prepared.deliveryId,
    'X-PayCenter-Timestamp': timestamp,
    'X-PayCenter-Signature': signWebhook({ secret: openAppSecret(secretRow), timestamp, rawBody }),
  };
  return { ...attempt, result: await postWebhook({ url: prepared.url, headers, rawBody }) };
}

/**
 * An acknowledged attempt (the usual one) in one statement: the delivery SUCCEEDED, its lease let go,
 * and the attempt recorded under the number the update hands out.
 */
async function recordDelivered(deliveryId: string, trigger: WebhookAttemptTrigger, now: Date, sent: Sent): Promise<void> {
  const { result } = sent;
  await db().$executeRaw`
    WITH delivery AS (
      UPDATE "WebhookDelivery"
      SET "attemptCount" = "attemptCount" + 1, "autoAttemptCount" = "autoAttemptCount" + ${trigger === 'AUTO' ? 1 : 0}, "leaseUntil" = NULL,
          "lastStatusCode" = ${result.statusCode}, "lastError" = ${result.error}, "status" = 'SUCCEEDED', "deliveredAt" = COALESCE("deliveredAt", ${now}), "nextAttemptAt" = NULL
      WHERE "eventId" = ${deliveryId}
      RETURNING "attemptCount")
    INSERT INTO "WebhookAttempt" ("id", "deliveryId", "number", "trigger", "url", "startedAt", "durationMs", "statusCode", "responseExcerpt", "error")
    SELECT ${newId('wha')}, ${deliveryId}, "attemptCount", ${trigger}::text::"WebhookAttemptTrigger", ${sent.url}, ${sent.startedAt}, ${result.durationMs}, ${result.statusCode}, ${result.responseExcerpt}, ${result.error}
    FROM delivery`;
}

/** A failed attempt, recorded and the delivery moved on (next attempt, or EXHAUSTED with an alert), releasing the lease, in one transaction. */
async function recordFailed(deliveryId: string, trigger: WebhookAttemptTrigger, now: Date, sent: Sent): Promise<DeliveryOutcome> {
  const { result } = sent;
  return db().$transaction(async (tx): Promise<DeliveryOutcome> => {
    const delivery = await tx.webhookDelivery.update({
      where: { eventId: deliveryId },
      data: { attemptCount: { increment: 1 }, autoAttemptCount: { increment: trigger === 'AUTO' ? 1 : 0 }, leaseUntil: null, lastStatusCode: result.statusCode, lastError: result.error },
    });
    await tx.webhookAttempt.create({
      data: {
        id: newId('wha'),
        deliveryId,
        number: delivery.attemptCount,
        trigger,
        url: sent.url,
        startedAt: sent.startedAt,
        durationMs: result.durationMs,
        statusCode: result.statusCode,
        responseExcerpt: result.responseExcerpt,
        error: result.error,
      },
    });
    if (trigger === 'RESEND' || delivery.status !== 'PENDING') return 'FAILED';
    const next = nextAttemptAt(delivery.autoAttemptCount, now);
    if (next) {
      await tx.webhookDelivery.update({ where: { eventId: deliveryId }, data: { nextAttemptAt: next } });
      return 'RETRY_SCHEDULED';
    }
    await tx.webhookDelivery.update({ where: { eventId: deliveryId }, data: { status: 'EXHAUSTED', exhaustedAt: now, nextAttemptAt: null } });
    const event = await tx.outboxEvent.findUniqueOrThrow({ where: { id: deliveryId }, select: { serialNo: true } });
    await raiseAlert(tx, {
      kind: 'WEBHOOK_EXHAUSTED',
      companyId: delivery.companyId,
      serialNo: event.serialNo,
      message: `Webhook ${deliveryId} to ${delivery.url} was not acknowledged after ${delivery.autoAttemptCount} attempts; the app must catch up from the change feed or a resend.`,
      details: { eventId: deliveryId, appId: delivery.appId, url: delivery.url, lastStatusCode: result.statusCode, lastError: result.error },
    });
    return 'EXHAUSTED';
  });
}

/** Records the attempt and moves the delivery on, releasing the lease. */
async function record(deliveryId: string, trigger: WebhookAttemptTrigger, now: Date, sent: Sent): Promise<DeliveryOutcome> {
  let outcome: DeliveryOutcome = 'DELIVERED';
  if (sent.result.acknowledged) await recordDelivered(deliveryId, trigger, now, sent);
  else outcome = await recordFailed(deliveryId, trigger, now, sent);
  metrics().webhookDeliveries.inc({ result: outcome });
  if (outcome === 'DELIVERED' && !sent.deliveredBefore) metrics().webhookLatency.observe((Date.now() - sent.eventCreatedAt.getTime()) / 1000);
  return outcome;
}

/** One attempt of a delivery whose lease the caller holds. */
export async function attemptClaimed(options: { deliveryId: string; trigger: WebhookAttemptTrigger; now: Date }): Promise<DeliveryOutcome> {
  const { prepared, deliveredBefore } = await prepare(options.deliveryId);
  return record(options.deliveryId, options.trigger, options.now, await send(prepared, deliveredBefore));
}

/** The first attempt of an event just committed, whose delivery was leased to this process with it (writeOutboxEvent). */
export async function attemptFirst(prepared: PreparedAttempt): Promise<DeliveryOutcome> {
  return record(prepared.deliveryId, 'AUTO', new Date(), await send(prepared, false));
}

/**
 * One attempt of an event's webhook, if this caller wins its lease (see `claim`): POSTs the signed
 * event, records the attempt, and schedules the next one or marks the delivery EXHAUSTED (with an
 * alert). `now` is the time the schedule is computed from, replaceable in tests.
 */
export async function deliverWebhook(options: { deliveryId: string; trigger?: WebhookAttemptTrigger; now?: Date }): Promise<DeliveryOutcome> {
  const trigger = options.trigger ?? 'AUTO';
  const now = options.now ?? new Date();
  if (!(await claim(options.deliveryId, trigger, now))) return 'SKIPPED';
  return attemptClaimed({ deliveryId: options.deliveryId, trigger, now });
}
