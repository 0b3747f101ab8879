import { db, type Tx } from '@/server/db/client';
import type { Order, Payment, SplitLine, SplitReceiver, SplitStatus } from '@/server/db/generated/client';
import { toPaymentObject } from '@/server/contract/payment';
import { toSplitObject, type SplitWithLines } from '@/server/contract/split';
import type { SplitNotification, SplitState } from '@/server/gateway/types';
import { dispatchEvents } from '@/server/messaging/dispatch-events';
import { writeOutboxEvent, type WrittenEvent } from '@/server/messaging/write-outbox-event';

/**
 * What the channel said: its answer about the split, a refusal that will not change on retrying, or
 * the notification of one receiver's line (WeChat Pay pushes one per receiver).
 */
export type SplitOutcome =
  | { kind: 'ANSWER'; state: SplitState }
  | { kind: 'REFUSED'; code: string; message: string }
  | { kind: 'LINE'; line: SplitNotification['line']; channelSplitNo: string | null };

export interface AppliedSplitState {
  /** False when nothing changed: the split was already final (another answer, query or notification got there first), or it stays PROCESSING with no line settled. */
  changed: boolean;
  split: SplitWithLines;
  payment: Payment & { order: Order };
}

type LineWithReceiver = SplitLine & { receiver: Pick<SplitReceiver, 'accountType' | 'account'> };
type SettledLine = { line: LineWithReceiver; status: SplitStatus; failReason: string | null; channelDetailId: string | null };

const sameAccount = (line: LineWithReceiver) => (answered: SplitNotification['line']) => answered.accountType === line.receiver.accountType && answered.account === line.receiver.account;

/**
 * Each line's final state (matched by account: one line per receiver); null while any is pending. A
 * line a notification already settled keeps its state; the others come from the channel's lines.
 */
function finalLines(lines: LineWithReceiver[], outcome: SplitOutcome): SettledLine[] | null {
  if (outcome.kind === 'REFUSED') return lines.map((line) => ({ line, status: 'FAILED', failReason: `${outcome.code}: ${outcome.message}`.slice(0, 500), channelDetailId: null }));
  if (outcome.kind === 'ANSWER' && outcome.state.state !== 'FINISHED') return null;
  const answers = outcome.kind === 'ANSWER' ? outcome.state.lines : [];
  const settled: SettledLine[] = [];
  for (const line of lines) {
    if (line.status !== 'PROCESSING') {
      settled.push({ line, status: line.status, failReason: line.failReason, channelDetailId: line.channelDetailId });
      continue;
    }
    const answered = answers.find(sameAccount(line));
    if (!answered || answered.state === 'PROCESSING') return null;
    settled.push({ line, status: answered.state, failReason: answered.failReason, channelDetailId: answered.channelDetailId });
  }
  return settled;
}

/** A notified line settles alone (once: `WHERE status = 'PROCESSING'`), before the split itself can. */
async function applyNotifiedLine(tx: Tx, splitSerialNo: string, lines: LineWithReceiver[], notified: SplitNotification['line']): Promise<boolean> {
  const line = lines.find((candidate) => sameAccount(candidate)(notified));
  if (!line || line.status !== 'PROCESSING' || notified.state === 'PROCESSING') return false;
  const failReason = notified.state === 'FAILED' ? 'CLOSED: the channel closed this receiver’s share' : null;
  const won = await tx.splitLine.updateMany({ where: { splitSerialNo, position: line.position, status: 'PROCESSING' }, data: { status: notified.state, failReason } });
  Object.assign(line, { status: notified.state, failReason });
  return won.count === 1;
}

async function current(tx: Tx, splitSerialNo: string): Promise<Omit<AppliedSplitState, 'changed'>> {
  const split = await tx.split.findUniqueOrThrow({ where: { splitSerialNo }, include: { lines: true } });
  const payment = await tx.payment.findUniqueOrThrow({ where: { serialNo: split.serialNo }, include: { order: true } });
  return { split, payment };
}

/**
 * Settles a PROCESSING split once every line is final at the channel, once: the split changes only
 * `WHERE status = 'PROCESSING'`. A receiver's notification settles its line first; the split follows
 * with the last line, however its lines came (notifications, then an answer or a query). A line that failed gives its amount back to the payment's
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
    const lineChanged = outcome.kind === 'LINE' && (await applyNotifiedLine(tx, splitSerialNo, lines, outcome.line));
    const settled = finalLines(lines, outcome);
    const channelSplitNo = outcome.kind === 'ANSWER' ? outcome.state.channelSplitNo : outcome.kind === 'LINE' ? outcome.channelSplitNo : null;
    if (!settled) {
      if (channelSplitNo) await tx.split.updateMany({ where: { splitSerialNo, status: 'PROCESSING', channelSplitNo: null }, data: { channelSplitNo } });
      return { changed: lineChanged, ...(await current(tx, splitSerialNo)) };
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
        notifyUrl: payment.notifyUrl,
        data: { split: toSplitObject(split), payment: toPaymentObject(payment, payment.order, now) },
      }),
    );
    return { changed: true, split, payment };
  });
  dispatchEvents(announced);
  return result;
}
