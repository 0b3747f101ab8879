// A reconciliation run as the dashboard shows it: the status of a channel account's day, with the two
// sides' totals next to each other. A published day without a run is PENDING.
import type { ReconciliationRun, ReconciliationStatus } from '@/server/db/generated/client';

export interface SideTotals {
  paymentCount: number;
  paymentAmount: number;
  refundCount: number;
  refundAmount: number;
}

export interface DayStatus {
  date: string;
  status: ReconciliationStatus;
  failureReason: string | null;
  ours: SideTotals;
  channel: SideTotals;
  /** The bill's fee total in yuan at the bill's precision; null without a bill. */
  channelFee: string | null;
  discrepancies: number;
  unresolved: number;
  reconciledAt: Date | null;
}

const NONE: SideTotals = { paymentCount: 0, paymentAmount: 0, refundCount: 0, refundAmount: 0 };

export function dayStatus(date: string, run: (ReconciliationRun & { discrepancies: Array<{ resolvedAt: Date | null }> }) | undefined): DayStatus {
  if (!run) return { date, status: 'PENDING', failureReason: null, ours: NONE, channel: NONE, channelFee: null, discrepancies: 0, unresolved: 0, reconciledAt: null };
  return {
    date,
    status: run.status,
    failureReason: run.failureReason,
    ours: { paymentCount: run.ourPaymentCount, paymentAmount: run.ourPaymentAmount, refundCount: run.ourRefundCount, refundAmount: run.ourRefundAmount },
    channel: { paymentCount: run.channelPaymentCount, paymentAmount: run.channelPaymentAmount, refundCount: run.channelRefundCount, refundAmount: run.channelRefundAmount },
    channelFee: run.channelFee,
    discrepancies: run.discrepancies.length,
    unresolved: run.discrepancies.filter((line) => !line.resolvedAt).length,
    reconciledAt: run.reconciledAt,
  };
}
