// A channel with bills: the day's stored trade bill and its neighbours' (when stored, so that a record of
// ours is not called missing from the channel when it landed on the next or previous day) compared with
// our records in PostgreSQL, in one transaction whose temporary tables hold both sides.
import { db } from '@/server/db/client';
import type { ReconciliationStatus } from '@/server/db/generated/client';
import { inSqlTransaction } from '@/server/db/sql-session';
import { AppError } from '@/server/errors/app-error';
import type { BillSource } from '@/server/finance/bills/bill-file';
import type { BillReport } from '@/server/finance/bills/bill-row';
import { openBill } from '@/server/finance/bills/parse-bill';
import { addDays } from '@/server/gateway/beijing-time';
import { compareStaged } from './compare-bill';
import { discrepancy, NO_TOTALS, type Discrepancy, type Totals } from './discrepancy';
import { ourTotals, stagedTotals, stageOurRecords } from './our-records';
import { createBillLineTable, stageBillLines } from './stage-bill-lines';

export interface DayOutcome {
  /** Our side of the day. */
  ours: Totals;
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

async function pending(options: { paymentChannelId: string; date: string; status: ReconciliationStatus; reason: string }): Promise<DayOutcome> {
  const ours = await inSqlTransaction((session) => ourTotals(session, options));
  return { ours, status: options.status, failureReason: options.reason, channelTotals: null, channelFee: null, discrepancies: [] };
}

function totalsOf(report: BillReport): Totals {
  return { paymentCount: report.payments.count, paymentAmount: report.payments.amount, refundCount: report.refunds.count, refundAmount: report.refunds.amount };
}

function billInconsistent(report: BillReport): Discrepancy {
  return discrepancy({ kind: 'BILL_INCONSISTENT', reason: { code: 'BILL_FIGURES_DIFFER', params: { declared: JSON.stringify(report.declared), ...totalsOf(report) } } });
}

/**
 * The day compared with its bill and its neighbours' (`billOf` answers null for a day without one). A bill
 * that cannot be read throws the parser's AppError, and nothing of the comparison is kept.
 */
export async function compareWithBills(options: { paymentChannelId: string; date: string; billOf: (date: string) => Promise<BillSource | null> }): Promise<DayOutcome> {
  const { paymentChannelId, date, billOf } = options;
  return inSqlTransaction(async (session) => {
    await stageOurRecords(session, { paymentChannelId, date });
    await createBillLineTable(session);
    const source = await billOf(date);
    const report = source ? await stageBillLines(session, { bill: await openBill(source), onDay: true }) : null;
    for (const day of [addDays(date, -1), addDays(date, 1)]) {
      const neighbour = await billOf(day);
      if (neighbour) await stageBillLines(session, { bill: await openBill(neighbour), onDay: false });
    }
    const discrepancies = await compareStaged(session, { paymentChannelId });
    if (report && !report.consistent) discrepancies.push(billInconsistent(report));
    return {
      ours: await stagedTotals(session),
      status: discrepancies.length > 0 ? 'DISCREPANCIES' : 'MATCHED',
      failureReason: null,
      channelTotals: report ? totalsOf(report) : NO_TOTALS,
      channelFee: report?.fee ?? null,
      discrepancies,
    };
  });
}

export async function reconcileBill(options: { paymentChannelId: string; date: string }): Promise<DayOutcome> {
  const { paymentChannelId, date } = options;
  const stored = await storedTradeBill(paymentChannelId, date);
  if (!stored.ready) return pending({ paymentChannelId, date, status: stored.status, reason: stored.reason });
  const billOf = async (day: string): Promise<BillSource | null> => {
    const bill = day === date ? stored : await storedTradeBill(paymentChannelId, day);
    return bill.ready && bill.bytes ? { bytes: bill.bytes } : null;
  };
  try {
    return await compareWithBills({ paymentChannelId, date, billOf });
  } catch (error) {
    // A bill that cannot be read leaves no comparison at all, only the parser's reason.
    if (error instanceof AppError) return pending({ paymentChannelId, date, status: 'FAILED', reason: error.message });
    throw error;
  }
}
