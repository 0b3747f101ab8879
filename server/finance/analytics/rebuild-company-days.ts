import { db } from '@/server/db/client';
import { Prisma } from '@/server/db/generated/client';
import type { CompanyDay } from './touched-company-days';

/** The key of a fact: the company-day being rebuilt, and the attempt's (merchant, app, channel, method, livemode). */
const FACT_KEY = Prisma.sql`pair.company_id, pair.day, p."merchantId", p."appId", p."channel", p."invokeMethod", p."livemode"`;

/**
 * Recounts the given company-days from the raw tables, in one transaction: their DailyRollup rows are
 * deleted and inserted again by one INSERT … SELECT … GROUP BY, each kind of fact read through a
 * (companyId, time) index range of that day. The attributions are the column comments' (prisma/schema.prisma):
 * orders by creation day in their first attempt's key; attempts by creation; paid (duplicates apart) by
 * paidAt; failed by failedAt with their failure codes; SUCCEEDED refunds and splits by the day they
 * succeeded, in their payment's key.
 *
 * A transaction-scoped advisory lock per company-day, taken in the callers' one order (company, day), makes
 * a concurrent rebuild of the same day wait and then recount after this one commits; in READ COMMITTED each
 * statement sees what committed before it, so the second one deletes the first one's rows. Locks per day
 * rather than one for the whole refresh: two instances refreshing at once share the work instead of queueing.
 */
export async function rebuildCompanyDays(days: readonly CompanyDay[]): Promise<void> {
  if (days.length === 0) return;
  const companyIds = days.map((entry) => entry.companyId);
  const dayTexts = days.map((entry) => entry.day);
  await db().$transaction(
    async (tx) => {
      // Rows of a function scan come in array order, so the locks are taken in the callers' order.
      await tx.$executeRaw`
        SELECT pg_advisory_xact_lock(hashtext('daily-rollup:' || pair.company_id), pair.day - DATE '2000-01-01')
        FROM unnest(${companyIds}::text[], ${dayTexts}::date[]) AS pair (company_id, day)`;
      await tx.$executeRaw`
        DELETE FROM "DailyRollup" r
        USING unnest(${companyIds}::text[], ${dayTexts}::date[]) AS pair (company_id, day)
        WHERE r."companyId" = pair.company_id AND r."day" = pair.day`;
      await tx.$executeRaw`
        WITH pair AS (
          SELECT company_id, day,
                 day::timestamp AT TIME ZONE 'Asia/Shanghai' AS starts,
                 (day + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' AS ends
          FROM unnest(${companyIds}::text[], ${dayTexts}::date[]) AS pair (company_id, day)
        ),
        fact AS (
          SELECT ${FACT_KEY}, 'order' AS kind, 0::bigint AS amount, NULL::text AS code
          FROM pair
          JOIN "Order" o ON o."companyId" = pair.company_id AND o."createdAt" >= pair.starts AND o."createdAt" < pair.ends
          CROSS JOIN LATERAL (
            SELECT * FROM "Payment" first WHERE first."orderId" = o."id" ORDER BY first."createdAt", first."serialNo" LIMIT 1
          ) AS p
          UNION ALL
          SELECT ${FACT_KEY}, 'attempt', 0, NULL
          FROM pair
          JOIN "Payment" p ON p."companyId" = pair.company_id AND p."createdAt" >= pair.starts AND p."createdAt" < pair.ends
          UNION ALL
          SELECT ${FACT_KEY}, CASE WHEN p."duplicateOf" IS NULL THEN 'paid' ELSE 'duplicate' END, p."amount", NULL
          FROM pair
          JOIN "Payment" p ON p."companyId" = pair.company_id AND p."paidAt" >= pair.starts AND p."paidAt" < pair.ends
          UNION ALL
          SELECT ${FACT_KEY}, 'failed', 0, COALESCE(p."failureCode", 'UNKNOWN')
          FROM pair
          JOIN "Payment" p ON p."companyId" = pair.company_id AND p."failedAt" >= pair.starts AND p."failedAt" < pair.ends
          UNION ALL
          SELECT ${FACT_KEY}, 'refund', r."amount", NULL
          FROM pair
          JOIN "Refund" r ON r."companyId" = pair.company_id AND r."succeededAt" >= pair.starts AND r."succeededAt" < pair.ends
          JOIN "Payment" p ON p."serialNo" = r."serialNo"
          WHERE r."status" = 'SUCCEEDED'
          UNION ALL
          SELECT ${FACT_KEY}, 'split', s."amount", NULL
          FROM pair
          JOIN "Split" s ON s."companyId" = pair.company_id AND s."finishedAt" >= pair.starts AND s."finishedAt" < pair.ends
          JOIN "Payment" p ON p."serialNo" = s."serialNo"
          WHERE s."status" = 'SUCCEEDED'
        ),
        tally AS (
          SELECT company_id, day, "merchantId", "appId", COALESCE("channel"::text, 'NONE') AS channel, "invokeMethod", "livemode",
                 kind, code, count(*)::int AS n, sum(amount)::bigint AS amount
          FROM fact
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        )
        INSERT INTO "DailyRollup" (
          "companyId", "day", "merchantId", "appId", "channel", "invokeMethod", "livemode",
          "orders", "attempts", "succeededCount", "succeededAmount", "duplicateCount", "duplicateAmount",
          "failedCount", "failureCodes", "refundCount", "refundAmount", "splitCount", "splitAmount", "updatedAt"
        )
        SELECT company_id, day, "merchantId", "appId", channel, "invokeMethod", "livemode",
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
        GROUP BY company_id, day, "merchantId", "appId", channel, "invokeMethod", "livemode"`;
    },
    // The first run's batches are whole months of history.
    { timeout: 120_000 },
  );
}
