// The daily reconciliation, run hourly: every enabled payment channel's days whose bills the channel has
// published and that have no finished run yet (none, or PENDING: bill not ready, download to retry),
// up to LOOKBACK_DAYS back. What is due is read from the database, so a missed hour or a server that was
// down catches up on its next run.
import { db } from '@/server/db/client';
import { addDays, beijingDay, toBeijingTime } from '@/server/gateway/beijing-time';
import { pluginFor } from '@/server/gateway/registry';
import { logger } from '@/server/logging/logger';
import { fetchAndReconcileDay } from './fetch-and-reconcile-day';

/** How far back a day without a finished run is still tried; older ones are left to "reconcile now". */
export const LOOKBACK_DAYS = 7;

/**
 * A channel without bills is reconciled by querying its orders: from an hour after midnight, so that
 * callbacks and active queries of the day's last payments have landed.
 */
const QUERY_FROM_HOUR = 1;

export interface ReconcileDueDaysResult {
  /** One line per day run: `paymentChannelId date STATUS`. */
  runs: string[];
  failed: number;
}

/** The days of a channel created on `since` that are due: published, within the lookback, oldest first. */
export function dueDays(options: { since: string; publishedFromHour: number; now: Date }): string[] {
  const today = beijingDay(options.now);
  const hour = Number(toBeijingTime(options.now).slice(11, 13));
  const latest = addDays(today, hour >= options.publishedFromHour ? -1 : -2);
  const days: string[] = [];
  for (let day = addDays(today, -LOOKBACK_DAYS); day <= latest; day = addDays(day, 1)) if (day >= options.since) days.push(day);
  return days;
}

export async function reconcileDueDays(options: { now: Date }): Promise<ReconcileDueDaysResult> {
  const { now } = options;
  const channels = await db().paymentChannel.findMany({ where: { status: 'ENABLED' }, select: { id: true, channel: true, createdAt: true }, orderBy: { createdAt: 'asc' } });
  const result: ReconcileDueDaysResult = { runs: [], failed: 0 };
  for (const channel of channels) {
    const bills = pluginFor(channel.channel).bills;
    const days = dueDays({ since: beijingDay(channel.createdAt), publishedFromHour: bills.kind === 'DOWNLOAD' ? bills.publishedFromHour : QUERY_FROM_HOUR, now });
    if (days.length === 0) continue;
    const finished = await db().reconciliationRun.findMany({
      where: { paymentChannelId: channel.id, runDate: { gte: new Date(`${days[0]}T00:00:00Z`) }, status: { not: 'PENDING' } },
      select: { runDate: true },
    });
    const done = new Set(finished.map((run) => run.runDate.toISOString().slice(0, 10)));
    for (const date of days.filter((day) => !done.has(day))) {
      try {
        const run = await fetchAndReconcileDay({ paymentChannelId: channel.id, date, now });
        result.runs.push(`${channel.id} ${date} ${run.status}`);
      } catch (error) {
        // One channel's trouble (credentials, network) must not hold up the others; the day stays due.
        result.failed += 1;
        logger().error({ err: error, paymentChannelId: channel.id, date }, 'reconciliation of a due day failed');
      }
    }
  }
  return result;
}
