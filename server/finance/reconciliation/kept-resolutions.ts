// Staff's resolutions of a day's discrepancies outlive a re-run of the day as long as the line is still
// found: a line is the same when its kind and every number naming it (our serial and refund serial, the
// channel's trade and refund numbers) are. A line that is no longer found takes its resolution with it.
import type { Tx } from '@/server/db/client';
import type { Discrepancy } from './discrepancy';

type Identified = Pick<Discrepancy, 'kind' | 'serialNo' | 'refundSerialNo' | 'channelTradeNo' | 'channelRefundNo'>;

export interface Resolution {
  resolvedAt: Date;
  resolvedBy: string | null;
  note: string | null;
}

export function identityOf(line: Identified): string {
  return JSON.stringify([line.kind, line.serialNo, line.refundSerialNo, line.channelTradeNo, line.channelRefundNo]);
}

/** The run's resolved discrepancies, by identity. */
export async function resolutionsOf(tx: Tx, runId: string): Promise<Map<string, Resolution>> {
  const resolved = await tx.reconciliationDiscrepancy.findMany({ where: { runId, resolvedAt: { not: null } } });
  return new Map(resolved.flatMap((line) => (line.resolvedAt ? [[identityOf(line), { resolvedAt: line.resolvedAt, resolvedBy: line.resolvedBy, note: line.note }] as const] : [])));
}
