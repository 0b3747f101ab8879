import { db } from '@/server/db/client';
import { touchedCompanyDays } from './touched-company-days';
import { rebuildCompanyDay } from './rebuild-company-day';

const WATERMARK_ID = 'daily-rollups';

/**
 * How far before the watermark each refresh looks again. `updatedAt` is stamped when a statement runs, not
 * when its transaction commits: a row updated at 10:00:00 by a transaction that commits at 10:00:03 is
 * invisible to a refresh that scans at 10:00:01, and a watermark of "the latest updatedAt seen" (or the
 * scan's start) would then lie past it for ever. Looking back further than any transaction stays open
 * (and than the instances' clocks differ) folds it in on the next run; rebuilding a day twice is harmless.
 */
export const WATERMARK_OVERLAP_MS = 5 * 60_000;

/**
 * Folds every change since the watermark into DailyRollup: each (company, Beijing day) that a Payment,
 * Refund, Split or Order row updated since then touches is recounted from the raw tables
 * (./rebuild-company-day.ts), one transaction each. Without a watermark every day of history is rebuilt, a
 * company-day at a time. Two refreshes may run at once: each company-day is rebuilt under a lock of its own,
 * and the watermark only moves forward.
 */
export async function refreshDailyRollups(options: { now?: Date } = {}): Promise<{ days: number; scannedTo: Date }> {
  // Read before the scan: whatever commits after it is looked at again by the next refresh.
  const scannedTo = options.now ?? new Date();
  const watermark = await db().dailyRollupWatermark.findUnique({ where: { id: WATERMARK_ID } });
  const since = watermark ? new Date(watermark.scannedTo.getTime() - WATERMARK_OVERLAP_MS) : new Date(0);
  const days = await touchedCompanyDays({ since });
  for (const companyDay of days) await rebuildCompanyDay(companyDay);
  await advanceWatermark(scannedTo);
  return { days: days.length, scannedTo };
}

/** Never backwards: a slower refresh that started earlier finishing last must not undo a later one's progress. */
async function advanceWatermark(scannedTo: Date): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "DailyRollupWatermark" ("id", "scannedTo", "updatedAt") VALUES (${WATERMARK_ID}, ${scannedTo}, now())
    ON CONFLICT ("id") DO UPDATE SET "scannedTo" = GREATEST("DailyRollupWatermark"."scannedTo", EXCLUDED."scannedTo"), "updatedAt" = now()`;
}
