import { db, type Db, type Tx } from '@/server/db/client';
import { logger } from '@/server/logging/logger';

/**
 * How long a claimed attempt is left alone by other sweeps. The action on it (an active query or a close,
 * each a few channel calls with timeouts) finishes well within; if it crashes, the attempt is due again
 * after the lease and the next sweep retries it.
 */
export const CLAIM_LEASE_MS = 2 * 60_000;

export type DueKind = 'QUERY' | 'EXPIRE';

/**
 * Claims up to `limit` PENDING attempts that are due, in one statement: rows another sweep (or a
 * payment service) holds locked are skipped, and the claimed ones get `nextQueryAt` = now + lease in the
 * same statement, so two server instances or overlapping cron runs never act on one attempt at once.
 * QUERY: active query due (nextQueryAt <= now) and not expired. EXPIRE: past expiresAt; for those
 * `nextQueryAt` is only the lease (the schedule stops at expiry), so a failed close is retried after it.
 */
export async function claimDuePayments(client: Db | Tx, options: { kind: DueKind; now: Date; limit: number }): Promise<string[]> {
  const { kind, now, limit } = options;
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const rows =
    kind === 'QUERY'
      ? await client.$queryRaw<Array<{ serialNo: string }>>`
          UPDATE "Payment" SET "nextQueryAt" = ${leaseUntil}
          WHERE "serialNo" IN (
            SELECT "serialNo" FROM "Payment"
            WHERE "status" = 'PENDING' AND "nextQueryAt" <= ${now} AND "expiresAt" > ${now}
            ORDER BY "nextQueryAt" LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
          RETURNING "serialNo"`
      : await client.$queryRaw<Array<{ serialNo: string }>>`
          UPDATE "Payment" SET "nextQueryAt" = ${leaseUntil}
          WHERE "serialNo" IN (
            SELECT "serialNo" FROM "Payment"
            WHERE "status" = 'PENDING' AND "expiresAt" <= ${now} AND ("nextQueryAt" IS NULL OR "nextQueryAt" <= ${now})
            ORDER BY "expiresAt" LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
          RETURNING "serialNo"`;
  return rows.map((row) => row.serialNo);
}

/**
 * Claims the due attempts, then runs `action` on each outside any transaction (it calls the channel).
 * One attempt's failure is logged and leaves it for the next sweep after the lease; the others go on.
 */
export async function sweepDuePayments(options: {
  kind: DueKind;
  now: Date;
  limit: number;
  action: (serialNo: string) => Promise<unknown>;
}): Promise<{ done: number; failed: number }> {
  const claimed = await claimDuePayments(db(), options);
  let failed = 0;
  for (const serialNo of claimed) {
    try {
      await options.action(serialNo);
    } catch (error) {
      failed++;
      logger().error({ err: error, serialNo, sweep: options.kind }, 'payment sweep action failed; retried after the lease');
    }
  }
  return { done: claimed.length - failed, failed };
}
