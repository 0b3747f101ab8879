import type { Db, Tx } from '@/server/db/client';
import { newSerialNo } from '../serial-numbers';

interface ReturnableLine {
  splitSerialNo: string;
  position: number;
  /** What the receiver still holds of this line: its amount less its returns that are not FAILED. */
  available: number;
}

/** The payment's split lines that succeeded and still hold money, newest split first, then each split's lines in order. */
function returnableLines(client: Db | Tx, serialNo: string): Promise<ReturnableLine[]> {
  return client.$queryRaw<ReturnableLine[]>`
    SELECT l."splitSerialNo", l."position",
      (l."amount" - COALESCE(SUM(r."amount") FILTER (WHERE r."status" <> 'FAILED'), 0))::int AS "available"
    FROM "SplitLine" l
    JOIN "Split" s ON s."splitSerialNo" = l."splitSerialNo"
    LEFT JOIN "SplitReturn" r ON r."splitSerialNo" = l."splitSerialNo" AND r."position" = l."position"
    WHERE s."serialNo" = ${serialNo} AND l."status" = 'SUCCEEDED'
    GROUP BY l."splitSerialNo", l."position", l."amount", s."createdAt"
    HAVING l."amount" - COALESCE(SUM(r."amount") FILTER (WHERE r."status" <> 'FAILED'), 0) > 0
    ORDER BY s."createdAt" DESC, l."splitSerialNo" DESC, l."position"`;
}

/** What receivers could give back now (a split still PROCESSING cannot give anything yet). */
export async function returnableAmount(client: Db | Tx, serialNo: string): Promise<number> {
  const lines = await returnableLines(client, serialNo);
  return lines.reduce((sum, line) => sum + line.available, 0);
}

/**
 * Records the returns that take `amount` fen back from receivers for a refund, newest split first
 * and within a split its lines in order. Runs in the transaction that reserves the refund, after the
 * payment row is locked: concurrent refunds of the payment take their turn on that lock, so each
 * sees the returns the others committed and no line gives back more than it received. False when
 * the lines cannot give it all (the rest is in a split still PROCESSING); nothing is written then.
 */
export async function allocateSplitReturns(tx: Tx, options: { serialNo: string; refundSerialNo: string; amount: number; now: Date }): Promise<boolean> {
  const { refundSerialNo, now } = options;
  let rest = options.amount;
  const returns = [];
  for (const line of await returnableLines(tx, options.serialNo)) {
    if (rest === 0) break;
    const amount = Math.min(rest, line.available);
    returns.push({ returnSerialNo: newSerialNo('B', now), refundSerialNo, splitSerialNo: line.splitSerialNo, position: line.position, sequence: returns.length, amount, createdAt: now });
    rest -= amount;
  }
  if (rest > 0) return false;
  await tx.splitReturn.createMany({ data: returns });
  return true;
}
