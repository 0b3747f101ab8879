// A channel with bills: the day's stored trade bill streamed against our book, the neighbouring days'
// bills (when stored) consulted before a record of ours is called missing from the channel.
import { db } from '@/server/db/client';
import type { ReconciliationStatus } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { openBill } from '@/server/finance/bills/parse-bill';
import { addDays } from '@/server/gateway/beijing-time';
import type { CenterBook } from './center-book';
import { compareBill, markSeenIn } from './compare-bill';
import { discrepancy, NO_TOTALS, type Discrepancy, type Totals } from './discrepancy';
import { explainUnmatched } from './explain-unmatched';

export interface DayOutcome {
  status: ReconciliationStatus;
  failureReason: string | null;
  channelTotals: Totals | null;
  channelFee: string | null;
  discrepancies: Discrepancy[];
}

/** The stored trade bill of a day: its bytes, null for a day without trades, or why there is none. */
async function storedTradeBill(paymentChannelId: string, date: string) {
  const bill = await db().channelBill.findUnique({
    where: { paymentChannelId_billDate_billType: { paymentChannelId, billDate: new Date(`${date}T00:00:00Z`), billType: 'TRADE' } },
    include: { file: true },
  });
  if (!bill) return { ready: false as const, status: 'PENDING' as const, reason: `the ${date} trade bill has not been downloaded` };
  if (bill.status === 'NOT_READY') return { ready: false as const, status: 'PENDING' as const, reason: `the ${date} trade bill is not ready: ${bill.failureMessage ?? bill.failureCode ?? ''}` };
  // A download that may succeed if asked again (the network, the channel's hiccup) leaves the day to the daily job.
  if (bill.status === 'FAILED' && bill.retryable) return { ready: false as const, status: 'PENDING' as const, reason: `the ${date} trade bill's download will be retried: ${bill.failureCode}: ${bill.failureMessage}` };
  if (bill.status === 'FAILED') return { ready: false as const, status: 'FAILED' as const, reason: `the ${date} trade bill failed its download: ${bill.failureCode}: ${bill.failureMessage}` };
  return { ready: true as const, bytes: bill.file ? Buffer.from(bill.file.content) : null };
}

function pending(status: ReconciliationStatus, reason: string): DayOutcome {
  return { status, failureReason: reason, channelTotals: null, channelFee: null, discrepancies: [] };
}

export async function reconcileBill(options: { paymentChannelId: string; date: string; book: CenterBook }): Promise<DayOutcome> {
  const { paymentChannelId, date, book } = options;
  const stored = await storedTradeBill(paymentChannelId, date);
  if (!stored.ready) return pending(stored.status, stored.reason);
  const discrepancies: Discrepancy[] = [];
  let channelTotals: Totals = NO_TOTALS;
  let channelFee: string | null = null;
  try {
    if (stored.bytes) {
      const comparison = await compareBill({ bill: await openBill({ bytes: stored.bytes }), book });
      const { report } = comparison;
      channelTotals = { paymentCount: report.payments.count, paymentAmount: report.payments.amount, refundCount: report.refunds.count, refundAmount: report.refunds.amount };
      channelFee = report.fee;
      discrepancies.push(...comparison.discrepancies, ...(await explainUnmatched({ paymentChannelId, lines: comparison.unmatched })));
      if (!report.consistent) {
        discrepancies.push(discrepancy({
          kind: 'BILL_INCONSISTENT',
          detail: `the bill's own figures (${JSON.stringify(report.declared)}) do not match its rows: ${report.payments.count} payments of ${report.payments.amount} fen, ${report.refunds.count} refunds of ${report.refunds.amount} fen`,
        }));
      }
    }
    for (const day of [addDays(date, -1), addDays(date, 1)]) {
      const neighbour = await storedTradeBill(paymentChannelId, day);
      if (neighbour.ready && neighbour.bytes) await markSeenIn({ bill: await openBill({ bytes: neighbour.bytes }), book });
    }
  } catch (error) {
    // A bill that cannot be read leaves no comparison at all, only the parser's reason.
    if (error instanceof AppError) return pending('FAILED', error.message);
    throw error;
  }
  for (const record of book.unseen()) {
    discrepancies.push(discrepancy({
      kind: 'CENTER_ONLY',
      serialNo: record.serialNo,
      refundSerialNo: record.refundSerialNo,
      channelTradeNo: record.refundSerialNo ? null : record.channelNo,
      channelRefundNo: record.refundSerialNo ? record.channelNo : null,
      ourAmount: record.amount,
      ourStatus: 'SUCCEEDED',
      detail: `PayCenter recorded this ${record.refundSerialNo ? 'refund' : 'payment'} succeeded; the channel's bills of the day and its neighbours do not have it`,
    }));
  }
  return { status: discrepancies.length > 0 ? 'DISCREPANCIES' : 'MATCHED', failureReason: null, channelTotals, channelFee, discrepancies };
}
