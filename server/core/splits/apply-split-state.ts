import { db, type Tx } from '@/server/db/client';
import type { Order, Payment, SplitLine, SplitReceiver, SplitStatus } from '@/server/db/generated/client';
import { toPaymentObject } from '@/server/contract/payment';
import { toSplitObject, type SplitWithLines } from '@/server/contract/split';
import type { SplitState } from '@/server/gateway/types';
import { dispatchEvents } from '@/server/messaging/dispatch-events';
import { writeOutboxEvent, type WrittenEvent } from '@/server/messaging/write-outbox-event';

/** What the channel said: its answer about the split, or a refusal that will not change on retrying. */
export type SplitOutcome = { kind: 'ANSWER'; state: SplitState } | { kind: 'REFUSED'; code: string; message: string };

export interface AppliedSplitState {
  /** False when the split was already final (another answer or query got there first) or stays PROCESSING. */
  changed: boolean;
  split: SplitWithLines;
  payment: Payment & { order: Order };
}

type LineWithReceiver = SplitLine & { receiver: Pick<SplitReceiver, 'accountType' | 'account'> };

/** Each line's final state from the channel's lines (matched by account: one line per receiver); null while any is pending. */
function finalLines(lines: LineWithReceiver[], outcome: SplitOutcome): Array<{ line: LineWithReceiver; status: SplitStatus; failReason: string | null; channelDetailId: string | null }> | null {
  if (outcome.kind === 'REFUSED') return lines.map((line) => ({ line, status: 'FAILED', failReason: `${outcome.code}: ${outcome.message}`.slice(0, 500), channelDetailId: null }));
  if (outcome.state.state !== 'FINISHED') return null;
  const settled = [];
  for (const line of lines) {
    const answered = outcome.state.lines.find((l) => l.accountType === line.receiver.accountType && l.account === line.receiver.account);
    if (!answered || answered.state === 'PROCESSING') return null;
    settled.push({ line, status: answered.state, failReason: answered.failReason, channelDetailId: answered.channelDetailId });
  }
  return settled;
}

async function current(tx: Tx, splitSerialNo: string): Promise<Omit<AppliedSplitState, 'changed'>> {
  const split = await tx.split.findUniqueOrThrow({ where: { splitSerialNo }, include: { lines: true } });
  const payment = await tx.payment.findUniqueOrThrow({ where: { serialNo: split.serialNo }, include: { order: true } });
  return { split, payment };
}

/**
 * Settles a PROCESSING split once every line is final at the channel, once: the split changes only
 * `WHERE status = 'PROCESSING'`. A line that failed gives its amount back to the payment's
 * splittable amount; the split fails only when every line failed (then a finish it carried is
 * withdrawn, so the app may split or finish again). The event is written last, in the same transaction.
 */
export async function applySplitState(options: { splitSerialNo: string; outcome: SplitOutcome; now?: Date }): Promise<AppliedSplitState> {
  const { splitSerialNo, outcome } = options;
  const now = options.now ?? new Date();
  const announced: WrittenEvent[] = [];
  const result = await db().$transaction(async (tx) => {
    const { serialNo } = await tx.split.findUniqueOrThrow({ where: { splitSerialNo }, select: { serialNo: true } });
    // Payment row first, as createSplit takes it.
    await tx.$executeRaw`SELECT 1 FROM "Payment" WHERE "serialNo" = ${serialNo} FOR NO KEY UPDATE`;
    const lines = await tx.splitLine.findMany({ where: { splitSerialNo }, include: { receiver: { select: { accountType: true, account: true } } } });
    const settled = finalLines(lines, outcome);
    const channelSplitNo = outcome.kind === 'ANSWER' ? outcome.state.channelSplitNo : null;
    if (!settled) {
      if (channelSplitNo) await tx.split.updateMany({ where: { splitSerialNo, status: 'PROCESSING', channelSplitNo: null }, data: { channelSplitNo } });
      return { changed: false, ...(await current(tx, splitSerialNo)) };
    }
    const status: SplitStatus = settled.every((entry) => entry.status === 'FAILED') ? 'FAILED' : 'SUCCEEDED';
    const won = await tx.split.updateMany({
      where: { splitSerialNo, status: 'PROCESSING' },
      data: {
        status,
        finishedAt: now,
        nextQueryAt: null,
        ...(channelSplitNo ? { channelSplitNo } : {}),
        ...(outcome.kind === 'REFUSED' ? { failureCode: outcome.code.slice(0, 64), failureMessage: outcome.message.slice(0, 500) } : {}),
      },
    });
    if (won.count === 0) return { changed: false, ...(await current(tx, splitSerialNo)) };
    for (const entry of settled) {
      await tx.splitLine.update({
        where: { splitSerialNo_position: { splitSerialNo, position: entry.line.position } },
        data: { status: entry.status, failReason: entry.failReason?.slice(0, 500) ?? null, channelDetailId: entry.channelDetailId },
      });
    }
    const split = await tx.split.findUniqueOrThrow({ where: { splitSerialNo }, include: { lines: true } });
    const released = settled.filter((entry) => entry.status === 'FAILED').reduce((sum, entry) => sum + entry.line.amount, 0);
    const payment = await tx.payment.update({
      where: { serialNo },
      data: {
        splitAmount: { decrement: released },
        ...(split.finish && status === 'SUCCEEDED' ? { splitFinishedAt: now } : {}),
        ...(split.finish && status === 'FAILED' ? { splitFinishRequestedAt: null } : {}),
      },
      include: { order: true },
    });
    announced.push(
      await writeOutboxEvent(tx, {
        type: status === 'SUCCEEDED' ? 'split.succeeded' : 'split.failed',
        appId: split.appId,
        companyId: split.companyId,
        livemode: payment.livemode,
        serialNo,
        data: { split: toSplitObject(split), payment: toPaymentObject(payment, payment.order, now) },
      }),
    );
    return { changed: true, split, payment };
  });
  dispatchEvents(announced);
  return result;
}
