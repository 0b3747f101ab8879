import type { Prisma } from '@/server/db/generated/client';
import type { Tx } from '@/server/db/client';

/**
 * Settles split returns that are still PROCESSING, each once (`WHERE status = 'PROCESSING'`): a
 * SUCCEEDED one adds to its line's returnedAmount. Answers the fen of the returns this call settled,
 * so that the caller moves the payment's splitAmount in the same transaction when they FAILED (a
 * return's amount left splitAmount when it was allocated). The caller holds the payment row's lock.
 */
export async function settleSplitReturns(
  tx: Tx,
  options: { where: Pick<Prisma.SplitReturnWhereInput, 'refundSerialNo' | 'returnSerialNo'>; status: 'SUCCEEDED' | 'FAILED'; failReason?: string | null; channelReturnNo?: string | null; now: Date },
): Promise<number> {
  const { status, now } = options;
  const pending = await tx.splitReturn.findMany({ where: { ...options.where, status: 'PROCESSING' }, orderBy: { sequence: 'asc' } });
  let settled = 0;
  for (const entry of pending) {
    const won = await tx.splitReturn.updateMany({
      where: { returnSerialNo: entry.returnSerialNo, status: 'PROCESSING' },
      data: {
        status,
        finishedAt: now,
        failReason: status === 'FAILED' ? (options.failReason?.slice(0, 500) ?? null) : null,
        ...(options.channelReturnNo ? { channelReturnNo: options.channelReturnNo } : {}),
      },
    });
    if (won.count === 0) continue;
    if (status === 'SUCCEEDED') {
      await tx.splitLine.update({ where: { splitSerialNo_position: { splitSerialNo: entry.splitSerialNo, position: entry.position } }, data: { returnedAmount: { increment: entry.amount } } });
    }
    settled += entry.amount;
  }
  return settled;
}
