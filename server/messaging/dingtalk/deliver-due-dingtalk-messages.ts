import { db } from '@/server/db/client';
import { logger } from '@/server/logging/logger';
import { mergeMessages } from './merge-messages';
import { robotBudget } from './robot-rate-limit';
import { routeAlerts } from './route-alerts';
import { sendClaimedMessage, type SendOutcome } from './send-claimed-message';

/** Longer than a robot's sends take (10 s timeout each, a robot's messages one after another). */
const LEASE_MS = 5 * 60_000;
const BATCH = 100;

interface Claimed {
  id: string;
  robotId: string | null;
}

/** Leases due messages; SKIP LOCKED lets overlapping sweeps and servers share them, never send one twice. */
async function claimDue(now: Date, limit: number, messageId?: string): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return db().$queryRaw<Claimed[]>`
    UPDATE "DingtalkMessage" SET "leaseUntil" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "DingtalkMessage"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
        AND (${messageId ?? null}::text IS NULL OR "id" = ${messageId ?? null})
      ORDER BY "createdAt", "id" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "robotId"`;
}

export type DingtalkCounts = Record<SendOutcome | 'QUEUED', number>;

/**
 * Sends one robot's claimed messages within DingTalk's 20 a minute: what does not fit is merged
 * into one message, sent as the last place of the minute or, with no place left, kept (released)
 * for when a place frees.
 */
async function deliverToRobot(robotId: string | null, ids: string[], now: Date, counts: DingtalkCounts): Promise<void> {
  const budget = await robotBudget(robotId, now);
  if (budget.remaining === 0) {
    const survivor = await mergeMessages(ids);
    await db().dingtalkMessage.update({ where: { id: survivor }, data: { leaseUntil: null, nextAttemptAt: budget.freesAt } });
    counts.QUEUED++;
    return;
  }
  const separate = ids.length > budget.remaining ? ids.slice(0, budget.remaining - 1) : ids;
  const rest = ids.slice(separate.length);
  const toSend = rest.length > 0 ? [...separate, await mergeMessages(rest)] : separate;
  for (const id of toSend) {
    const outcome = await sendClaimedMessage(id, now).catch((error: unknown) => {
      logger().error({ err: error, messageId: id }, 'DingTalk send failed to run; retried when its lease ends');
      return 'FAILED' as const;
    });
    counts[outcome]++;
  }
}

async function deliverClaimed(claimed: Claimed[], now: Date, counts: DingtalkCounts): Promise<void> {
  const byRobot = new Map<string | null, string[]>();
  for (const row of claimed) {
    const ids = byRobot.get(row.robotId);
    if (ids) ids.push(row.id);
    else byRobot.set(row.robotId, [row.id]);
  }
  // Robots are independent: each one's messages go in order, the robots side by side.
  await Promise.all([...byRobot].map(([robotId, ids]) => deliverToRobot(robotId, ids, now, counts)));
}

/**
 * The DingTalk sweep, for the scheduler: routes new alerts into the outbox (one message per burst
 * and robot), then sends every due message, respecting each robot's rate limit and retrying
 * failures with backoff. `now` is the time schedules and windows are computed from.
 */
export async function deliverDueDingtalkMessages(options: { now?: Date } = {}): Promise<DingtalkCounts> {
  const now = options.now ?? new Date();
  await routeAlerts(now);
  const counts: DingtalkCounts = { SENT: 0, RETRY_SCHEDULED: 0, FAILED: 0, QUEUED: 0 };
  for (;;) {
    const claimed = await claimDue(now, BATCH);
    if (claimed.length === 0) break;
    await deliverClaimed(claimed, now, counts);
    if (claimed.length < BATCH) break;
  }
  return counts;
}

/** Sends one message now if it is due and no one else holds it (a robot's test message); the rate limit still applies. */
export async function deliverDingtalkMessage(options: { messageId: string; now?: Date }): Promise<DingtalkCounts> {
  const now = options.now ?? new Date();
  const counts: DingtalkCounts = { SENT: 0, RETRY_SCHEDULED: 0, FAILED: 0, QUEUED: 0 };
  await deliverClaimed(await claimDue(now, 1, options.messageId), now, counts);
  return counts;
}
