import { db } from '@/server/db/client';
import type { AlertRuleParams } from '../rules/alert-rule-catalogue';
import type { FailingCondition } from '../raise-conditions';

/** The latency rule is a 95th percentile: more than 5 % of the calls slower than the bound. */
const PERCENTILE_TAIL_PERCENT = 5;

interface WindowTotals {
  paymentChannelId: string;
  companyId: string;
  channel: string;
  calls: number;
  failures: number;
  slow: number;
  latencyMaxMs: number;
}

/**
 * Payment channels whose calls over the rule's window (summed over every server instance's
 * per-minute rows) failed at or above its rate, or whose 95th percentile latency exceeds its bound,
 * given at least its minimum number of calls.
 */
export async function findFailingChannels(options: { params: AlertRuleParams<'CHANNEL_FAILING'>; now: Date }): Promise<FailingCondition[]> {
  const { windowMinutes, minCalls, failureRatePercent, p95LatencyMs } = options.params;
  const since = new Date(options.now.getTime() - windowMinutes * 60_000);
  // The bound is one of LATENCY_BOUNDS_MS (the params' schema), each counted in a column of its own.
  const totals = await db().$queryRaw<WindowTotals[]>`
    SELECT m."paymentChannelId", c."companyId", c."channel"::text AS "channel",
      SUM(m."calls")::int AS "calls", SUM(m."failures")::int AS "failures",
      SUM(CASE ${p95LatencyMs}::int WHEN 1000 THEN m."over1000Ms" WHEN 2000 THEN m."over2000Ms" WHEN 5000 THEN m."over5000Ms"
        WHEN 10000 THEN m."over10000Ms" ELSE m."over30000Ms" END)::int AS "slow",
      MAX(m."latencyMaxMs")::int AS "latencyMaxMs"
    FROM "ChannelCallMinute" m JOIN "PaymentChannel" c ON c."id" = m."paymentChannelId"
    WHERE m."minute" > ${since}
    GROUP BY m."paymentChannelId", c."companyId", c."channel"
    HAVING SUM(m."calls") >= ${minCalls}`;
  return totals.flatMap((row) => {
    const failing = row.failures * 100 >= failureRatePercent * row.calls;
    const slow = row.slow * 100 > PERCENTILE_TAIL_PERCENT * row.calls;
    if (!failing && !slow) return [];
    const reasons = [
      ...(failing ? [`${row.failures} of ${row.calls} calls failed`] : []),
      ...(slow ? [`${row.slow} of ${row.calls} calls took over ${p95LatencyMs} ms (max ${row.latencyMaxMs} ms)`] : []),
    ];
    return [
      {
        subject: `channel:${row.paymentChannelId}`,
        companyId: row.companyId,
        message: `${row.channel} payment ID ${row.paymentChannelId}: ${reasons.join('; ')} in the last ${windowMinutes} minutes.`,
        details: { paymentChannelId: row.paymentChannelId, calls: row.calls, failures: row.failures, slowCalls: row.slow, latencyMaxMs: row.latencyMaxMs, windowMinutes },
      },
    ];
  });
}
