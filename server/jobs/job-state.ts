import { db } from '@/server/db/client';

/** Long enough for any single run of a `job`-claimed job; a crashed holder's lease lapses after it. */
const JOB_LEASE_MS = 10 * 60_000;

/** Makes sure every job has its row, so /api/health counts a job that never ran from when it was scheduled. */
export async function registerJobs(ids: readonly string[]): Promise<void> {
  await db().jobState.createMany({ data: ids.map((id) => ({ id })), skipDuplicates: true });
}

/** Records that a run starts. Several instances may do so at once; the latest start wins. */
export async function recordRunStart(id: string, now: Date): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "JobState" ("id", "lastRunAt") VALUES (${id}, ${now})
    ON CONFLICT ("id") DO UPDATE SET "lastRunAt" = GREATEST("JobState"."lastRunAt", EXCLUDED."lastRunAt")`;
}

/**
 * Takes the job's lease and records the start in one conditional statement: of any number of
 * instances, one wins while the lease lasts, and none runs the same `slot` (a cron firing) again
 * after the winner finished.
 */
export async function claimRun(id: string, now: Date, slot: Date | undefined): Promise<boolean> {
  const leaseUntil = new Date(now.getTime() + JOB_LEASE_MS);
  const notYetInSlot = slot ?? now;
  const rows = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO "JobState" ("id", "lastRunAt", "leaseUntil") VALUES (${id}, ${now}, ${leaseUntil})
    ON CONFLICT ("id") DO UPDATE SET "lastRunAt" = EXCLUDED."lastRunAt", "leaseUntil" = EXCLUDED."leaseUntil"
    WHERE ("JobState"."leaseUntil" IS NULL OR "JobState"."leaseUntil" < ${now})
      AND ("JobState"."lastRunAt" IS NULL OR "JobState"."lastRunAt" < ${notYetInSlot})
    RETURNING "id"`;
  return rows.length === 1;
}

/** Records a run's success, clearing the last error and the failures in a row, and releases the lease (a `rows` job never holds one). */
export async function recordRunSuccess(id: string, now: Date): Promise<void> {
  await db().jobState.update({ where: { id }, data: { lastSuccessAt: now, lastError: null, consecutiveFailures: 0, leaseUntil: null } });
}

/** Records why a run failed, counts it among the failures in a row (the JOB_FAILING rule), and releases the lease. */
export async function recordRunFailure(id: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await db().jobState.update({ where: { id }, data: { lastError: message.slice(0, 1000), consecutiveFailures: { increment: 1 }, leaseUntil: null } });
}
