import type { Payment, Split, SplitLine, SplitStatus } from '@/server/db/generated/client';

/** One moment in a payment's splitting; the dashboard words it by `kind`. */
export type SplitTimelineEntry =
  | { at: Date; kind: 'split.created'; splitSerialNo: string; amount: number }
  | { at: Date; kind: 'split.line.settled'; splitSerialNo: string; receiverAccount: string; amount: number; status: Exclude<SplitStatus, 'PROCESSING'>; failReason: string | null }
  | { at: Date; kind: 'splits.finish.requested' | 'splits.finished' };

export interface SplitTimelineSources {
  payment: Pick<Payment, 'splitFinishRequestedAt' | 'splitFinishedAt'>;
  splits: Array<Pick<Split, 'splitSerialNo' | 'amount' | 'createdAt' | 'finishedAt'> & { lines: Array<Pick<SplitLine, 'amount' | 'status' | 'failReason'> & { receiverAccount: string }> }>;
}

/**
 * A payment's splitting, oldest first: each split asked, each of its lines settled (a split's lines
 * settle together, when the channel has answered for every one), the finish asked and done.
 */
export function splitTimeline({ payment, splits }: SplitTimelineSources): SplitTimelineEntry[] {
  const entries: SplitTimelineEntry[] = [];
  for (const split of splits) {
    entries.push({ at: split.createdAt, kind: 'split.created', splitSerialNo: split.splitSerialNo, amount: split.amount });
    const { finishedAt } = split;
    if (!finishedAt) continue;
    for (const line of split.lines) {
      if (line.status === 'PROCESSING') continue;
      entries.push({ at: finishedAt, kind: 'split.line.settled', splitSerialNo: split.splitSerialNo, receiverAccount: line.receiverAccount, amount: line.amount, status: line.status, failReason: line.failReason });
    }
  }
  // A finish shows as asked while the channel has not released the rest yet, then as done.
  if (payment.splitFinishRequestedAt && !payment.splitFinishedAt) entries.push({ at: payment.splitFinishRequestedAt, kind: 'splits.finish.requested' });
  if (payment.splitFinishedAt) entries.push({ at: payment.splitFinishedAt, kind: 'splits.finished' });
  // Array.prototype.sort is stable: moments at the same millisecond keep the order above.
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
