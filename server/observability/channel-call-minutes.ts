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

/**
 * Adds one channel call to its minute's row, shared by every server instance (one upsert, so the
 * CHANNEL_FAILING rule sees all instances' calls). A statistic that cannot be written is logged,
 * never the call's failure.
 */
export async function recordChannelCall(call: ChannelCall): Promise<void> {
  const minute = new Date(Math.floor(call.at.getTime() / 60_000) * 60_000);
  const latencyMs = Math.round(call.latencyMs);
  const [over1000, over2000, over5000, over10000, over30000] = LATENCY_BOUNDS_MS.map((bound) => (latencyMs > bound ? 1 : 0));
  const failures = call.failed ? 1 : 0;
  try {
    await db().$executeRaw`
      INSERT INTO "ChannelCallMinute" ("paymentChannelId", "operation", "minute", "calls", "failures", "latencySumMs", "latencyMaxMs",
        "over1000Ms", "over2000Ms", "over5000Ms", "over10000Ms", "over30000Ms")
      VALUES (${call.paymentChannelId}, ${call.operation}, ${minute}, 1, ${failures}, ${latencyMs}, ${latencyMs},
        ${over1000}, ${over2000}, ${over5000}, ${over10000}, ${over30000})
      ON CONFLICT ("paymentChannelId", "minute", "operation") DO UPDATE SET
        "calls" = "ChannelCallMinute"."calls" + 1, "failures" = "ChannelCallMinute"."failures" + EXCLUDED."failures",
        "latencySumMs" = "ChannelCallMinute"."latencySumMs" + EXCLUDED."latencySumMs",
        "latencyMaxMs" = GREATEST("ChannelCallMinute"."latencyMaxMs", EXCLUDED."latencyMaxMs"),
        "over1000Ms" = "ChannelCallMinute"."over1000Ms" + EXCLUDED."over1000Ms", "over2000Ms" = "ChannelCallMinute"."over2000Ms" + EXCLUDED."over2000Ms",
        "over5000Ms" = "ChannelCallMinute"."over5000Ms" + EXCLUDED."over5000Ms", "over10000Ms" = "ChannelCallMinute"."over10000Ms" + EXCLUDED."over10000Ms",
        "over30000Ms" = "ChannelCallMinute"."over30000Ms" + EXCLUDED."over30000Ms"`;
  } catch (error) {
    logger().warn({ err: error, paymentId: call.paymentChannelId, operation: call.operation }, 'channel call statistic not recorded');
  }
}

/** Drops the minutes no rule's window reaches any more. */
export async function purgeChannelCallMinutes(options: { before: Date }): Promise<number> {
  const { count } = await db().channelCallMinute.deleteMany({ where: { minute: { lt: options.before } } });
  return count;
}
