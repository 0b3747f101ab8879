// PayCenter's side of a day, in PostgreSQL: the payment channel's SUCCEEDED payments and refunds of the
// day and of one day either side (trades near midnight land on the neighbouring day's bill). A day can
// hold millions of trades, so they are never read into Node: they are added up in SQL, or copied into a
// temporary table of the comparison's transaction.
import type { SqlSession } from '@/server/db/sql-session';
import { beijingDayStart } from '@/server/gateway/beijing-time';
import type { Totals } from './discrepancy';

const DAY_MS = 24 * 3600_000;

/**
 * kind ('payment' | 'refund'), our_no (the number the bill names it by: serial or refund serial),
 * serial_no, refund_serial_no, channel_no (the channel's trade or refund number), amount, on_day.
 * $1 the payment channel, $2–$3 the day, $4–$5 the day with its neighbours.
 */
const OUR_RECORDS = `
  SELECT 'payment' AS kind, p."serialNo" AS our_no, p."serialNo" AS serial_no, NULL AS refund_serial_no, p."channelTradeNo" AS channel_no, p.amount,
    p."paidAt" >= $2 AND p."paidAt" < $3 AS on_day
  FROM "Payment" p
  WHERE p."paymentChannelId" = $1 AND p.status = 'SUCCEEDED' AND p."paidAt" >= $4 AND p."paidAt" < $5
  UNION ALL
  SELECT 'refund', r."refundSerialNo", r."serialNo", r."refundSerialNo", r."channelRefundNo", r.amount,
    r."succeededAt" >= $2 AND r."succeededAt" < $3
  FROM "Refund" r JOIN "Payment" p ON p."serialNo" = r."serialNo"
  WHERE p."paymentChannelId" = $1 AND r.status = 'SUCCEEDED' AND r."succeededAt" >= $4 AND r."succeededAt" < $5`;

function recordsValues(options: { paymentChannelId: string; date: string }): unknown[] {
  const start = beijingDayStart(options.date).getTime();
  return [options.paymentChannelId, new Date(start), new Date(start + DAY_MS), new Date(start - DAY_MS), new Date(start + 2 * DAY_MS)];
}

/** Copies our records into the temporary table our_record (dropped at the transaction's end). */
export async function stageOurRecords(session: SqlSession, options: { paymentChannelId: string; date: string }): Promise<void> {
  await session.query(`
    CREATE TEMPORARY TABLE our_record (
      kind text NOT NULL, our_no text NOT NULL, serial_no text NOT NULL, refund_serial_no text, channel_no text, amount integer NOT NULL, on_day boolean NOT NULL
    ) ON COMMIT DROP`);
  await session.query(`INSERT INTO our_record ${OUR_RECORDS}`, recordsValues(options));
  // Temporary tables are never analysed automatically; the joins' plans need their sizes.
  await session.query('ANALYZE our_record');
}

async function totalsOf(session: SqlSession, records: string, values: unknown[]): Promise<Totals> {
  const rows = await session.query<{ kind: string; count: number; amount: string }>(
    `SELECT kind, count(*)::integer AS count, sum(amount) AS amount FROM ${records} WHERE on_day GROUP BY kind`,
    values,
  );
  const of = (kind: string) => rows.find((row) => row.kind === kind);
  return {
    paymentCount: of('payment')?.count ?? 0,
    paymentAmount: Number(of('payment')?.amount ?? 0),
    refundCount: of('refund')?.count ?? 0,
    refundAmount: Number(of('refund')?.amount ?? 0),
  };
}

/** Count and amount of what succeeded on the day itself. */
export function ourTotals(session: SqlSession, options: { paymentChannelId: string; date: string }): Promise<Totals> {
  return totalsOf(session, `(${OUR_RECORDS}) AS records`, recordsValues(options));
}

/** The same, from our_record once staged (one read of the day's records fewer). */
export function stagedTotals(session: SqlSession): Promise<Totals> {
  return totalsOf(session, 'our_record', []);
}
