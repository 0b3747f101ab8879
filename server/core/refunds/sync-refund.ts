import { db } from '@/server/db/client';
import type { Refund } from '@/server/db/generated/client';
import type { RefundState } from '@/server/gateway/types';
import { logger } from '@/server/logging/logger';
import { channelOf } from '../payments/channel-call';
import { CLAIM_LEASE_MS, runClaimed } from '../run-claimed';
import { applyRefundState } from './apply-refund-state';
import { nextRefundQueryAt } from './refund-query-schedule';
import { returnSplitMoneyFirst } from './return-split-money-first';
import { sendRefund } from './send-refund';

/**
 * Settles a PROCESSING refund from the channel's own record, after the split returns it waits for
 * (asked about at the channel, sent when the channel never received them). When the channel does not report it
 * final, the refund is sent again under the same refundSerialNo — the channel makes it at most once,
 * and a request that never arrived (a timeout on the first send) is made now. Still PROCESSING after
 * that, or when the channel cannot be asked: the next query is scheduled (a refund processing for
 * too long is the monitoring job's REFUND_STUCK rule).
 */
export async function syncRefund(options: { refundSerialNo: string; now?: Date }): Promise<Refund> {
  const now = options.now ?? new Date();
  const refund = await db().refund.findUniqueOrThrow({ where: { refundSerialNo: options.refundSerialNo }, include: { payment: true } });
  if (refund.status !== 'PROCESSING') return refund;
  const { payment } = refund;
  // A refund waiting for money back from receivers was never sent: its returns come first.
  const returning = await returnSplitMoneyFirst({ refundSerialNo: refund.refundSerialNo, payment, queryFirst: true, now });
  if (returning) return returning.refund.status === 'PROCESSING' ? scheduleNextQuery(returning.refund, now) : returning.refund;

  let state: RefundState;
  try {
    const { plugin, account } = await channelOf(payment);
    state = await plugin.queryRefund({
      account,
      serialNo: payment.serialNo,
      refundSerialNo: refund.refundSerialNo,
    });
  } catch (error) {
    // The channel could not be asked: ask again later, on the same backoff.
    logger().warn({ err: error, refundSerialNo: refund.refundSerialNo }, 'refund query failed');
    return scheduleNextQuery(refund, now);
  }
  const applied =
    state.state === 'PROCESSING'
      ? await sendRefund({ refund, payment, now })
      : await applyRefundState({ refundSerialNo: refund.refundSerialNo, state: state.state, channelRefundNo: state.channelRefundNo, now });
  if (applied.refund.status !== 'PROCESSING') return applied.refund;
  return scheduleNextQuery(applied.refund, now);
}

async function scheduleNextQuery(refund: Refund, now: Date): Promise<Refund> {
  // Conditional on the count read: of two concurrent syncs, one schedules.
  await db().refund.updateMany({
    where: { refundSerialNo: refund.refundSerialNo, status: 'PROCESSING', queryCount: refund.queryCount },
    data: { queryCount: refund.queryCount + 1, nextQueryAt: nextRefundQueryAt({ now, queriesDone: refund.queryCount + 1 }) },
  });
  return db().refund.findUniqueOrThrow({ where: { refundSerialNo: refund.refundSerialNo } });
}

/**
 * The scheduled refund query. Due refunds are claimed in one statement (rows another instance holds
 * are skipped and the claimed ones get nextQueryAt = now + lease), so two instances or overlapping
 * runs never query one refund at once; each is then synced outside any transaction.
 */
export async function queryDueRefunds(options: { now?: Date; limit?: number } = {}): Promise<{ queried: number; failed: number }> {
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const claimed = await db().$queryRaw<Array<{ refundSerialNo: string }>>`
    UPDATE "Refund" SET "nextQueryAt" = ${leaseUntil}
    WHERE "refundSerialNo" IN (
      SELECT "refundSerialNo" FROM "Refund"
      WHERE "status" = 'PROCESSING' AND "nextQueryAt" <= ${now}
      ORDER BY "nextQueryAt" LIMIT ${options.limit ?? 100}
      FOR UPDATE SKIP LOCKED)
    RETURNING "refundSerialNo"`;
  const { done, failed } = await runClaimed(
    claimed.map((row) => row.refundSerialNo),
    (refundSerialNo) => syncRefund({ refundSerialNo, now }),
    'refunds-query',
  );
  return { queried: done, failed };
}
