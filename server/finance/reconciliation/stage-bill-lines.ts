// A trade bill's lines into PostgreSQL as they are parsed: streamed with COPY into the temporary table
// bill_line of the comparison's transaction, so that a bill of any length costs Node one chunk of lines.
import { copyText, type SqlSession } from '@/server/db/sql-session';
import type { BillReport, BillRow } from '@/server/finance/bills/bill-row';
import type { ChannelBill } from '@/server/finance/bills/parse-bill';

/** Lines per COPY chunk: large enough that a chunk's overhead does not count, small enough to weigh nothing. */
const CHUNK = 1000;

export async function createBillLineTable(session: SqlSession): Promise<void> {
  await session.query(`
    CREATE TEMPORARY TABLE bill_line (
      on_day boolean NOT NULL, line integer NOT NULL, kind text NOT NULL, our_no text NOT NULL,
      out_trade_no text NOT NULL, channel_trade_no text NOT NULL, out_refund_no text NOT NULL, channel_refund_no text NOT NULL,
      amount bigint NOT NULL, status text NOT NULL, succeeded boolean NOT NULL
    ) ON COMMIT DROP`);
}

/** Alipay's trade bill lists only what succeeded; WeChat Pay's gives each line's state. */
function succeeded(row: BillRow, channel: ChannelBill['channel']): boolean {
  return channel === 'alipay' || row.status === 'SUCCESS';
}

async function* copyLines(bill: ChannelBill, onDay: boolean): AsyncGenerator<string> {
  let chunk = '';
  let lines = 0;
  for await (const row of bill.rows) {
    if (row.kind !== 'payment' && row.kind !== 'refund') continue;
    const ok = succeeded(row, bill.channel);
    // A neighbouring day's bill only vouches for what succeeded.
    if (!onDay && !ok) continue;
    const ourNo = row.kind === 'payment' ? row.outTradeNo : row.outRefundNo;
    // One template per line: mapping and joining an array of values cost several times more.
    const texts = `${copyText(ourNo)}\t${copyText(row.outTradeNo)}\t${copyText(row.channelTradeNo)}\t${copyText(row.outRefundNo)}\t${copyText(row.channelRefundNo)}`;
    chunk += `${onDay ? 't' : 'f'}\t${row.line}\t${row.kind}\t${texts}\t${row.amountFen}\t${copyText(row.status)}\t${ok ? 't' : 'f'}\n`;
    if ((lines += 1) % CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Reads the whole bill into bill_line (the day's own bill: every payment and refund line; a neighbour's:
 * the lines that succeeded) and answers its report. A bad line ends the COPY with the parser's AppError.
 */
export async function stageBillLines(session: SqlSession, options: { bill: ChannelBill; onDay: boolean }): Promise<BillReport> {
  await session.copyIn('COPY bill_line FROM STDIN', copyLines(options.bill, options.onDay));
  return options.bill.report();
}
