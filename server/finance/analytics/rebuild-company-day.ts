import { db } from '@/server/db/client';
import { Prisma } from '@/server/db/generated/client';
import { addDays, beijingDayStart } from '@/server/gateway/beijing-time';
import type { CompanyDay } from './touched-company-days';

/**
 * Recounts one company's Beijing day from the raw tables, in one transaction: its DailyRollup rows are
 * deleted and inserted again by one INSERT … SELECT … GROUP BY (recountedRows below).
 *
 * A transaction-scoped advisory lock on the company-day makes a concurrent rebuild of the same day wait,
 * then recount after this one commits: in READ COMMITTED each statement sees what committed before it, so
 * the second one deletes the first one's rows rather than colliding with them. One lock per day, not one
 * for the whole refresh: each transaction holds a single lock (no deadlock), and two instances refreshing
 * at once never wait longer than a day's rebuild.
 */
export async function rebuildCompanyDay(companyDay: CompanyDay): Promise<void> {
  const { companyId, day } = companyDay;
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`daily-rollup:${companyId}`}), ${day}::date - DATE '2000-01-01')`;
    await tx.$executeRaw`DELETE FROM "DailyRollup" WHERE "companyId" = ${companyId} AND "day" = ${day}::date`;
    await tx.$executeRaw`
      INSERT INTO "DailyRollup" (
        "companyId", "day", "merchantId", "appId", "channel", "invokeMethod", "livemode",
        "orders", "attempts", "succeededCount", "succeededAmount", "duplicateCount", "duplicateAmount",
        "failedCount", "failureCodes", "refundCount", "refundAmount", "splitCount", "splitAmount", "updatedAt"
      )
      ${recountedRows(companyDay)}`;
  });
}

/** The key of a fact: the attempt p's (merchant, app, channel, method, livemode). */
const FACT_KEY = Prisma.sql`p."merchantId", p."appId", p."channel", p."invokeMethod", p."livemode"`;

/**
 * The DailyRollup rows of one company-day recounted from the raw tables, in the table's column order. The
 * attributions are the column comments' (prisma/schema.prisma): orders by creation day in their first
 * attempt's key; attempts by creation; paid (duplicates among them) by paidAt; failed by failedAt with
 * their failure codes, if still FAILED (one paid later by a late callback counts as paid only);
 * SUCCEEDED refunds and splits by the day they succeeded, in their payment's key.
 * The day's bounds are bound values, so each kind of fact is one range of a (companyId, time) index.
 */
export function recountedRows(companyDay: CompanyDay): Prisma.Sql {
  const { companyId, day } = companyDay;
  const starts = beijingDayStart(day);
  const ends = beijingDayStart(addDays(day, 1));
  const inDay = (column: string) => Prisma.sql`${Prisma.raw(column)} >= ${starts} AND ${Prisma.raw(column)} < ${ends}`;
  return Prisma.sql`
    WITH fact AS (
      SELECT ${FACT_KEY}, 'order' AS kind, 0::bigint AS amount, NULL::text AS code
      FROM "Order" o
      CROSS JOIN LATERAL (
        SELECT * FROM "Payment" first WHERE first."orderId" = o."id" ORDER BY first."createdAt", first."serialNo" LIMIT 1
      ) AS p
      WHERE o."companyId" = ${companyId} AND ${inDay('o."createdAt"')}
      UNION ALL
      SELECT ${FACT_KEY}, 'attempt', 0, NULL
      FROM "Payment" p WHERE p."companyId" = ${companyId} AND ${inDay('p."createdAt"')}
      UNION ALL
      SELECT ${FACT_KEY}, CASE WHEN p."duplicateOf" IS NULL THEN 'paid' ELSE 'duplicate' END, p."amount", NULL
      FROM "Payment" p WHERE p."companyId" = ${companyId} AND ${inDay('p."paidAt"')}
      UNION ALL
      SELECT ${FACT_KEY}, 'failed', 0, COALESCE(p."failureCode", 'UNKNOWN')
      FROM "Payment" p WHERE p."companyId" = ${companyId} AND ${inDay('p."failedAt"')} AND p."status" = 'FAILED'
      UNION ALL
      SELECT ${FACT_KEY}, 'refund', r."amount", NULL
      FROM "Refund" r JOIN "Payment" p ON p."serialNo" = r."serialNo"
      WHERE r."companyId" = ${companyId} AND ${inDay('r."succeededAt"')} AND r."status" = 'SUCCEEDED'
      UNION ALL
      SELECT ${FACT_KEY}, 'split', s."amount", NULL
      FROM "Split" s JOIN "Payment" p ON p."serialNo" = s."serialNo"
      WHERE s."companyId" = ${companyId} AND ${inDay('s."finishedAt"')} AND s."status" = 'SUCCEEDED'
    ),
    tally AS (
      SELECT "merchantId", "appId", COALESCE("channel"::text, 'NONE') AS channel, "invokeMethod", "livemode",
             kind, code, count(*)::int AS n, sum(amount)::bigint AS amount
      FROM fact
      GROUP BY 1, 2, 3, 4, 5, 6, 7
    )
    SELECT ${companyId}, ${day}::date, "merchantId", "appId", channel, "invokeMethod", "livemode",
           COALESCE(sum(n) FILTER (WHERE kind = 'order'), 0),
           COALESCE(sum(n) FILTER (WHERE kind = 'attempt'), 0),
           COALESCE(sum(n) FILTER (WHERE kind IN ('paid', 'duplicate')), 0),
           COALESCE(sum(amount) FILTER (WHERE kind IN ('paid', 'duplicate')), 0),
           COALESCE(sum(n) FILTER (WHERE kind = 'duplicate'), 0),
           COALESCE(sum(amount) FILTER (WHERE kind = 'duplicate'), 0),
           COALESCE(sum(n) FILTER (WHERE kind = 'failed'), 0),
           COALESCE(jsonb_object_agg(code, n) FILTER (WHERE kind = 'failed'), '{}'::jsonb),
           COALESCE(sum(n) FILTER (WHERE kind = 'refund'), 0),
           COALESCE(sum(amount) FILTER (WHERE kind = 'refund'), 0),
           COALESCE(sum(n) FILTER (WHERE kind = 'split'), 0),
           COALESCE(sum(amount) FILTER (WHERE kind = 'split'), 0),
           now()
    FROM tally
    GROUP BY "merchantId", "appId", channel, "invokeMethod", "livemode"`;
}
