import { describe, expect, it } from 'vitest';
import { splitTimeline } from './split-timeline';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 2, minute));
const line = (receiverAccount: string, status: 'PROCESSING' | 'SUCCEEDED' | 'FAILED', failReason: string | null = null) => ({ receiverAccount, amount: 100, status, failReason });

describe('splitTimeline', () => {
  it('puts each split, each settled line and the finish in time order', () => {
    const entries = splitTimeline({
      payment: { splitFinishRequestedAt: at(9), splitFinishedAt: at(10) },
      splits: [
        { splitSerialNo: 'S2', amount: 200, createdAt: at(5), finishedAt: null, lines: [line('1900000109', 'PROCESSING')] },
        { splitSerialNo: 'S1', amount: 200, createdAt: at(1), finishedAt: at(2), lines: [line('1900000109', 'SUCCEEDED'), line('oUpF****eS6o', 'FAILED', 'NO_RELATION')] },
      ],
    });
    expect(entries.map((entry) => [entry.kind, entry.at.getUTCMinutes()])).toEqual([
      ['split.created', 1],
      ['split.line.settled', 2],
      ['split.line.settled', 2],
      ['split.created', 5],
      ['splits.finished', 10],
    ]);
    expect(entries[2]).toMatchObject({ splitSerialNo: 'S1', receiverAccount: 'oUpF****eS6o', status: 'FAILED', failReason: 'NO_RELATION' });
  });

  it('shows a finish as asked until the channel has released the rest', () => {
    const entries = splitTimeline({ payment: { splitFinishRequestedAt: at(3), splitFinishedAt: null }, splits: [] });
    expect(entries).toEqual([{ at: at(3), kind: 'splits.finish.requested' }]);
  });
});
