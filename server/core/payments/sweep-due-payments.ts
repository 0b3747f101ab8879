import { db, type Db, type Tx } from '@/server/db/client';
import { CLAIM_LEASE_MS, runClaimed } from '../run-claimed';

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

/** Claims the due attempts, then runs `action` on each (see runClaimed). */
export async function sweepDuePayments(options: {
  kind: DueKind;
  now: Date;
  limit: number;
  action: (serialNo: string) => Promise<unknown>;
}): Promise<{ done: number; failed: number }> {
  return runClaimed(await claimDuePayments(db(), options), options.action, `payments-${options.kind.toLowerCase()}`);
}
