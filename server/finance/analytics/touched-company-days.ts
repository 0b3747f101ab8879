import { db } from '@/server/db/client';
import { Prisma } from '@/server/db/generated/client';

/** One company's Beijing calendar day, "yyyy-MM-dd". */
export interface CompanyDay {
  companyId: string;
  day: string;
}

/**
 * Every (company, Beijing day) whose rollups a row updated after `since` may have changed: an attempt's
 * creation, payment and failure days and its order's creation day (the order is counted in its first
 * attempt's key, which the payer's choice of channel changes), a refund's or a split's success day, an
 * order's creation day. Each table is read through its `updatedAt` index, so a refresh reads the changes,
 * not the history. Sorted by company then day.
 */
export function touchedCompanyDays(options: { since: Date }): Promise<CompanyDay[]> {
  return db().$queryRaw<CompanyDay[]>(touchedCompanyDaysSql(options.since));
}

/** The query behind touchedCompanyDays. */
export function touchedCompanyDaysSql(since: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT touched."companyId", to_char(touched.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
    FROM (
      SELECT p."companyId", moment.at
      FROM "Payment" p
      JOIN "Order" o ON o."id" = p."orderId"
      CROSS JOIN LATERAL (VALUES (p."createdAt"), (p."paidAt"), (p."failedAt"), (o."createdAt")) AS moment (at)
      WHERE p."updatedAt" > ${since}
      UNION ALL
      SELECT r."companyId", r."succeededAt" FROM "Refund" r WHERE r."updatedAt" > ${since}
      UNION ALL
      SELECT s."companyId", s."finishedAt" FROM "Split" s WHERE s."updatedAt" > ${since}
      UNION ALL
      SELECT o."companyId", o."createdAt" FROM "Order" o WHERE o."updatedAt" > ${since}
    ) AS touched
    WHERE touched.at IS NOT NULL
    ORDER BY 1, 2`;
}
