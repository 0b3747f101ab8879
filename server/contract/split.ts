import type { Split, SplitLine } from '@/server/db/generated/client';

/** The Split object of api-contract.md v1.1 (a type, so the outbox stores it as JSON uncast). */
export type SplitObject = {
  splitSerialNo: string;
  splitNo: string;
  serialNo: string;
  status: Split['status'];
  finish: boolean;
  receivers: Array<{ receiverId: string; amount: number; description: string; status: SplitLine['status']; failReason: string | null }>;
  createdAt: string;
  finishedAt: string | null;
};

export type SplitWithLines = Split & { lines: SplitLine[] };

export function toSplitObject(split: SplitWithLines): SplitObject {
  return {
    splitSerialNo: split.splitSerialNo,
    splitNo: split.splitNo,
    serialNo: split.serialNo,
    status: split.status,
    finish: split.finish,
    receivers: [...split.lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({ receiverId: line.receiverId, amount: line.amount, description: line.description, status: line.status, failReason: line.failReason })),
    createdAt: split.createdAt.toISOString(),
    finishedAt: split.finishedAt?.toISOString() ?? null,
  };
}
