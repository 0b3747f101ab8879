import { db } from '@/server/db/client';
import { logger } from '@/server/logging/logger';

/** The bounds ChannelCallMinute counts slower calls above (one column each). */
export const LATENCY_BOUNDS_MS = [1000, 2000, 5000, 10000, 30000] as const;

export interface ChannelCall {
  paymentChannelId: string;
  operation: string;
  failed: boolean;
  latencyMs: number;
  at: Date;
}

/** One minute's calls of one operation on one payment ID, as this instance has seen them since its last flush. */
interface MinuteTally {
  paymentChannelId: string;
  operation: string;
  minute: Date;
  calls: number;
  failures: number;
  latencySumMs: number;
  latencyMaxMs: number;
  /** Calls slower than each of LATENCY_BOUNDS_MS. */
  over: number[];
}

/** How long a call's statistic may wait in memory before it reaches the database. */
const FLUSH_DELAY_MS = 1_000;

const pending = new Map<string, MinuteTally>();
let flushTimer: NodeJS.Timeout | undefined;

/**
 * Counts one channel call in its minute. The counts are added to the minute's row, shared by every
 * server instance (so the CHANNEL_FAILING rule sees all instances' calls), within FLUSH_DELAY_MS:
 * a call does not wait for a statistic, and a busy minute costs one upsert a second, not one a call.
 * An instance that dies loses at most that last second of statistics, never a call.
 */
export function recordChannelCall(call: ChannelCall): void {
  const minute = new Date(Math.floor(call.at.getTime() / 60_000) * 60_000);
  const latencyMs = Math.round(call.latencyMs);
  const key = `${call.paymentChannelId}\n${call.operation}\n${minute.getTime()}`;
  let tally = pending.get(key);
  if (!tally) {
    tally = { paymentChannelId: call.paymentChannelId, operation: call.operation, minute, calls: 0, failures: 0, latencySumMs: 0, latencyMaxMs: 0, over: LATENCY_BOUNDS_MS.map(() => 0) };
    pending.set(key, tally);
  }
  tally.calls += 1;
  tally.failures += call.failed ? 1 : 0;
  tally.latencySumMs += latencyMs;
  tally.latencyMaxMs = Math.max(tally.latencyMaxMs, latencyMs);
  LATENCY_BOUNDS_MS.forEach((bound, index) => (tally.over[index]! += latencyMs > bound ? 1 : 0));
  // Unref'd: a pending statistic never keeps a process alive.
  flushTimer ??= setTimeout(() => void flushChannelCalls(), FLUSH_DELAY_MS).unref();
}

/** Writes every pending tally now (one upsert each). A statistic that cannot be written is logged, never a call's failure. */
export async function flushChannelCalls(): Promise<void> {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  const tallies = [...pending.values()];
  pending.clear();
  for (const tally of tallies) {
    const [over1000, over2000, over5000, over10000, over30000] = tally.over;
    try {
      await db().$executeRaw`
        INSERT INTO "ChannelCallMinute" ("paymentChannelId", "operation", "minute", "calls", "failures", "latencySumMs", "latencyMaxMs",
          "over1000Ms", "over2000Ms", "over5000Ms", "over10000Ms", "over30000Ms")
        VALUES (${tally.paymentChannelId}, ${tally.operation}, ${tally.minute}, ${tally.calls}, ${tally.failures}, ${tally.latencySumMs}, ${tally.latencyMaxMs},
          ${over1000}, ${over2000}, ${over5000}, ${over10000}, ${over30000})
        ON CONFLICT ("paymentChannelId", "minute", "operation") DO UPDATE SET
          "calls" = "ChannelCallMinute"."calls" + EXCLUDED."calls", "failures" = "ChannelCallMinute"."failures" + EXCLUDED."failures",
          "latencySumMs" = "ChannelCallMinute"."latencySumMs" + EXCLUDED."latencySumMs",
          "latencyMaxMs" = GREATEST("ChannelCallMinute"."latencyMaxMs", EXCLUDED."latencyMaxMs"),
          "over1000Ms" = "ChannelCallMinute"."over1000Ms" + EXCLUDED."over1000Ms", "over2000Ms" = "ChannelCallMinute"."over2000Ms" + EXCLUDED."over2000Ms",
          "over5000Ms" = "ChannelCallMinute"."over5000Ms" + EXCLUDED."over5000Ms", "over10000Ms" = "ChannelCallMinute"."over10000Ms" + EXCLUDED."over10000Ms",
          "over30000Ms" = "ChannelCallMinute"."over30000Ms" + EXCLUDED."over30000Ms"`;
    } catch (error) {
      logger().warn({ err: error, paymentId: tally.paymentChannelId, operation: tally.operation, calls: tally.calls }, 'channel call statistic not recorded');
    }
  }
}

/** Drops the minutes no rule's window reaches any more. */
export async function purgeChannelCallMinutes(options: { before: Date }): Promise<number> {
  const { count } = await db().channelCallMinute.deleteMany({ where: { minute: { lt: options.before } } });
  return count;
}
