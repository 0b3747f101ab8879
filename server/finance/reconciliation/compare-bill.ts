// Streams one trade bill against PayCenter's book: each payment and refund line is matched by our serial
// number (out_trade_no / out_refund_no) and checked against the channel's number, amount and state.
import type { BillRow, BillReport } from '@/server/finance/bills/bill-row';
import type { ChannelBill } from '@/server/finance/bills/parse-bill';
import type { CenterBook, CenterRecord } from './center-book';
import { discrepancy, type Discrepancy } from './discrepancy';

/** A line of the channel's that none of our records of the day or its neighbours matched. */
export type UnmatchedLine = Pick<BillRow, 'line' | 'kind' | 'outTradeNo' | 'channelTradeNo' | 'outRefundNo' | 'channelRefundNo' | 'amountFen' | 'status'>;

export interface BillComparison {
  discrepancies: Discrepancy[];
  unmatched: UnmatchedLine[];
  report: BillReport;
}

/** Alipay's trade bill lists only what succeeded; WeChat Pay's gives each line's state. */
function succeeded(row: BillRow, channel: ChannelBill['channel']): boolean {
  return channel === 'alipay' || row.status === 'SUCCESS';
}

/** A discrepancy with the channel's side taken from a bill line. */
export function lineSide(row: UnmatchedLine, found: Partial<Discrepancy> & Pick<Discrepancy, 'kind' | 'detail'>): Discrepancy {
  return discrepancy({
    serialNo: row.outTradeNo || null,
    refundSerialNo: row.outRefundNo || null,
    channelTradeNo: row.channelTradeNo || null,
    channelRefundNo: row.channelRefundNo || null,
    channelAmount: row.amountFen,
    channelStatus: row.status,
    billLine: row.line,
    ...found,
  });
}

function compareLine(row: BillRow, ours: CenterRecord, channelSucceeded: boolean): Discrepancy | null {
  const ourSide = { serialNo: ours.serialNo, ourAmount: ours.amount, ourStatus: 'SUCCEEDED' };
  const channelNo = row.kind === 'refund' ? row.channelRefundNo : row.channelTradeNo;
  if (!channelSucceeded) return lineSide(row, { ...ourSide, kind: 'STATUS_MISMATCH', detail: `succeeded with us, ${row.status} at the channel` });
  if (ours.amount !== row.amountFen) return lineSide(row, { ...ourSide, kind: 'AMOUNT_MISMATCH', detail: `${ours.amount} fen with us, ${row.amountFen} fen at the channel` });
  if (ours.channelNo && channelNo && ours.channelNo !== channelNo) return lineSide(row, { ...ourSide, kind: 'STATUS_MISMATCH', detail: `the channel's number is ${ours.channelNo} with us, ${channelNo} in the bill` });
  return null;
}

/** Reads the whole bill (a bad line throws the parser's AppError) and compares each line once. */
export async function compareBill(options: { bill: ChannelBill; book: CenterBook }): Promise<BillComparison> {
  const { bill, book } = options;
  const discrepancies: Discrepancy[] = [];
  const unmatched: UnmatchedLine[] = [];
  for await (const row of bill.rows) {
    if (row.kind !== 'payment' && row.kind !== 'refund') continue;
    const ours = row.kind === 'payment' ? book.payments.get(row.outTradeNo) : book.refunds.get(row.outRefundNo);
    const channelSucceeded = succeeded(row, bill.channel);
    if (!ours) {
      if (channelSucceeded) unmatched.push({ line: row.line, kind: row.kind, outTradeNo: row.outTradeNo, channelTradeNo: row.channelTradeNo, outRefundNo: row.outRefundNo, channelRefundNo: row.channelRefundNo, amountFen: row.amountFen, status: row.status });
      continue;
    }
    if (ours.seen && channelSucceeded) {
      discrepancies.push(lineSide(row, { kind: 'CHANNEL_ONLY', serialNo: ours.serialNo, detail: 'the bill lists it a second time' }));
      continue;
    }
    ours.seen = true;
    const found = compareLine(row, ours, channelSucceeded);
    if (found) discrepancies.push(found);
  }
  return { discrepancies, unmatched, report: bill.report() };
}

/** Marks our records a neighbouring day's bill has (a trade of ours that landed on that day's bill). */
export async function markSeenIn(options: { bill: ChannelBill; book: CenterBook }): Promise<void> {
  const { bill, book } = options;
  for await (const row of bill.rows) {
    if (!succeeded(row, bill.channel)) continue;
    const ours = row.kind === 'payment' ? book.payments.get(row.outTradeNo) : row.kind === 'refund' ? book.refunds.get(row.outRefundNo) : undefined;
    if (ours && ours.amount === row.amountFen) ours.seen = true;
  }
}
