import { db } from '@/server/db/client';
import type { Split } from '@/server/db/generated/client';
import type { SplitState } from '@/server/gateway/types';
import { logger } from '@/server/logging/logger';
import { nextRefundQueryAt } from '../refunds/refund-query-schedule';
import { CLAIM_LEASE_MS, runClaimed } from '../run-claimed';
import { applySplitState } from './apply-split-state';
import { sendSplit } from './send-split';
import { splitChannelOf, splitTradeNo } from './split-channel';

/**
 * Settles a PROCESSING split from the channel's own record. A split the channel does not know is
 * sent again under the same splitSerialNo (the channel makes it at most once); one still processing,
 * or a channel that cannot be asked, gets its next query on the refunds' backoff.
 */
export async function syncSplit(options: { splitSerialNo: string; now?: Date }): Promise<Split> {
  const now = options.now ?? new Date();
  const split = await db().split.findUniqueOrThrow({ where: { splitSerialNo: options.splitSerialNo }, include: { payment: true } });
  if (split.status !== 'PROCESSING') return split;
  const { payment } = split;
  let state: SplitState;
  try {
    const { splits, account } = await splitChannelOf(payment);
    state = await splits.querySplit({ account, channelTradeNo: splitTradeNo(payment), splitSerialNo: split.splitSerialNo });
  } catch (error) {
    logger().warn({ err: error, splitSerialNo: split.splitSerialNo }, 'split query failed');
    return scheduleNextQuery(split, now);
  }
  const applied =
    state.state === 'NOT_FOUND'
      ? await sendSplit({ splitSerialNo: split.splitSerialNo, payment, now })
      : await applySplitState({ splitSerialNo: split.splitSerialNo, outcome: { kind: 'ANSWER', state }, now });
  if (applied.split.status !== 'PROCESSING') return applied.split;
  return scheduleNextQuery(applied.split, now);
}

async function scheduleNextQuery(split: Split, now: Date): Promise<Split> {
  // Conditional on the count read: of two concurrent syncs, one schedules.
  await db().split.updateMany({
    where: { splitSerialNo: split.splitSerialNo, status: 'PROCESSING', queryCount: split.queryCount },
    data: { queryCount: split.queryCount + 1, nextQueryAt: nextRefundQueryAt({ now, queriesDone: split.queryCount + 1 }) },
  });
  return db().split.findUniqueOrThrow({ where: { splitSerialNo: split.splitSerialNo } });
}

/**
 * The scheduled split query: due PROCESSING splits are claimed in one statement (rows another
 * instance holds are skipped, the claimed ones leased), then each is synced outside any transaction.
 */
export async function queryDueSplits(options: { now?: Date; limit?: number } = {}): Promise<{ queried: number; failed: number }> {
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const claimed = await db().$queryRaw<Array<{ splitSerialNo: string }>>`
    UPDATE "Split" SET "nextQueryAt" = ${leaseUntil}
    WHERE "splitSerialNo" IN (
      SELECT "splitSerialNo" FROM "Split"
      WHERE "status" = 'PROCESSING' AND "nextQueryAt" <= ${now}
      ORDER BY "nextQueryAt" LIMIT ${options.limit ?? 100}
      FOR UPDATE SKIP LOCKED)
    RETURNING "splitSerialNo"`;
  const { done, failed } = await runClaimed(
    claimed.map((row) => row.splitSerialNo),
    (splitSerialNo) => syncSplit({ splitSerialNo, now }),
    'splits-query',
  );
  return { queried: done, failed };
}
