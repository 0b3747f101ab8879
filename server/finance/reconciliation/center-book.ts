// PayCenter's side of a day: the payment channel's SUCCEEDED payments and refunds of the day and of one
// day either side (trades near midnight land on the neighbouring day's bill), held in Maps keyed by our
// serial numbers so that a bill of any length is streamed against them.
import { db } from '@/server/db/client';
import { beijingDayStart } from '@/server/gateway/beijing-time';
import type { Totals } from './discrepancy';

export interface CenterRecord {
  serialNo: string;
  /** Null on payments. */
  refundSerialNo: string | null;
  /** The channel's trade number (payments) or refund number (refunds), when we have it. */
  channelNo: string | null;
  amount: number;
  /** Whether it succeeded on the day being reconciled (else on a neighbouring day). */
  onDay: boolean;
  /** Set once a bill line matched it. */
  seen: boolean;
}

const DAY_MS = 24 * 3600_000;
/**
 * Rows per query. A day can hold millions of trades: read at once, the driver's rows and the client's
 * objects for all of them would sit in memory beside the book; a page of them is garbage before the
 * next is read, so only the book grows.
 */
const PAGE = 20_000;

/** Every row of a query read in pages ordered by `key` (the query takes the last key read, null first). */
async function eachPage<T>(read: (after: string | null) => Promise<T[]>, key: (row: T) => string, use: (row: T) => void): Promise<void> {
  for (let after: string | null = null; ; ) {
    const page = await read(after);
    page.forEach(use);
    const last = page.at(-1);
    if (page.length < PAGE || !last) return;
    after = key(last);
  }
}

export class CenterBook {
  readonly payments = new Map<string, CenterRecord>();
  readonly refunds = new Map<string, CenterRecord>();

  /** Our records of the day (and its neighbours) for one payment channel. */
  static async load(options: { paymentChannelId: string; date: string }): Promise<CenterBook> {
    const start = beijingDayStart(options.date);
    const end = new Date(start.getTime() + DAY_MS);
    const window = { gte: new Date(start.getTime() - DAY_MS), lt: new Date(end.getTime() + DAY_MS) };
    const onDay = (at: Date | null) => at !== null && at >= start && at < end;
    const book = new CenterBook();
    await eachPage(
      (after) =>
        db().payment.findMany({
          where: { paymentChannelId: options.paymentChannelId, status: 'SUCCEEDED', paidAt: window, ...(after === null ? {} : { serialNo: { gt: after } }) },
          select: { serialNo: true, channelTradeNo: true, amount: true, paidAt: true },
          orderBy: { serialNo: 'asc' },
          take: PAGE,
        }),
      (payment) => payment.serialNo,
      (payment) => book.payments.set(payment.serialNo, { serialNo: payment.serialNo, refundSerialNo: null, channelNo: payment.channelTradeNo, amount: payment.amount, onDay: onDay(payment.paidAt), seen: false }),
    );
    await eachPage(
      (after) =>
        db().refund.findMany({
          where: { payment: { paymentChannelId: options.paymentChannelId }, status: 'SUCCEEDED', succeededAt: window, ...(after === null ? {} : { refundSerialNo: { gt: after } }) },
          select: { serialNo: true, refundSerialNo: true, channelRefundNo: true, amount: true, succeededAt: true },
          orderBy: { refundSerialNo: 'asc' },
          take: PAGE,
        }),
      (refund) => refund.refundSerialNo,
      (refund) => book.refunds.set(refund.refundSerialNo, { serialNo: refund.serialNo, refundSerialNo: refund.refundSerialNo, channelNo: refund.channelRefundNo, amount: refund.amount, onDay: onDay(refund.succeededAt), seen: false }),
    );
    return book;
  }

  /** Count and amount of what succeeded on the day itself. */
  totals(): Totals {
    const sum = (records: Map<string, CenterRecord>) => {
      let count = 0;
      let amount = 0;
      for (const record of records.values()) {
        if (!record.onDay) continue;
        count += 1;
        amount += record.amount;
      }
      return { count, amount };
    };
    const payments = sum(this.payments);
    const refunds = sum(this.refunds);
    return { paymentCount: payments.count, paymentAmount: payments.amount, refundCount: refunds.count, refundAmount: refunds.amount };
  }

  /** The day's records no bill line matched. */
  *unseen(): Generator<CenterRecord> {
    for (const records of [this.payments, this.refunds]) for (const record of records.values()) if (record.onDay && !record.seen) yield record;
  }
}
