// The day's staged bill lines (stage-bill-lines.ts) against our staged records (our-records.ts), set-based
// in PostgreSQL: each payment and refund line matched by our serial number (out_trade_no / out_refund_no)
// and checked against the channel's number, amount and state; then the lines we have no record of near
// the day, and our records of the day that no bill of the day or its neighbours has.
import type { SqlSession } from '@/server/db/sql-session';
import { discrepancy, type Discrepancy, type DiscrepancyReason, type RecordKind } from './discrepancy';

interface LineRow {
  line: number;
  kind: RecordKind;
  out_trade_no: string;
  channel_trade_no: string;
  out_refund_no: string;
  channel_refund_no: string;
  /** bigint, as text. */
  amount: string;
  status: string;
}

const LINE_COLUMNS = 'l.line, l.kind, l.out_trade_no, l.channel_trade_no, l.out_refund_no, l.channel_refund_no, l.amount, l.status';

/** A discrepancy with the channel's side taken from a bill line. */
function lineSide(row: LineRow, found: Partial<Discrepancy> & Pick<Discrepancy, 'kind' | 'reason'>): Discrepancy {
  return discrepancy({
    serialNo: row.out_trade_no || null,
    refundSerialNo: row.out_refund_no || null,
    channelTradeNo: row.channel_trade_no || null,
    channelRefundNo: row.channel_refund_no || null,
    channelAmount: Number(row.amount),
    channelStatus: row.status,
    billLine: row.line,
    ...found,
  });
}

type MatchedReason = 'LISTED_TWICE' | 'NOT_SUCCEEDED_AT_CHANNEL' | 'AMOUNT_DIFFERS' | 'CHANNEL_NUMBER_DIFFERS';

/**
 * The day's lines that have a record of ours, where they disagree. The first line of a record is compared
 * with it; a later one is the bill listing it again when it succeeded, else a state to compare as well.
 * The lines are grouped by byte order (COLLATE "C"): the database's language collation sorted a million
 * serial numbers several times slower, for a grouping that only needs equality.
 */
async function matchedLines(session: SqlSession): Promise<Discrepancy[]> {
  const rows = await session.query<LineRow & { serial_no: string; our_amount: number; our_channel_no: string | null; line_channel_no: string; reason: MatchedReason }>(`
    SELECT * FROM (
      SELECT ${LINE_COLUMNS}, o.serial_no, o.amount AS our_amount, o.channel_no AS our_channel_no,
        CASE l.kind WHEN 'refund' THEN l.channel_refund_no ELSE l.channel_trade_no END AS line_channel_no,
        CASE
          WHEN l.succeeded AND row_number() OVER (PARTITION BY l.kind, l.our_no COLLATE "C" ORDER BY l.line) > 1 THEN 'LISTED_TWICE'
          WHEN NOT l.succeeded THEN 'NOT_SUCCEEDED_AT_CHANNEL'
          WHEN l.amount <> o.amount THEN 'AMOUNT_DIFFERS'
          WHEN coalesce(o.channel_no, '') <> '' AND CASE l.kind WHEN 'refund' THEN l.channel_refund_no ELSE l.channel_trade_no END NOT IN ('', o.channel_no)
            THEN 'CHANNEL_NUMBER_DIFFERS'
        END AS reason
      FROM bill_line l JOIN our_record o ON o.kind = l.kind AND o.our_no = l.our_no
      WHERE l.on_day
    ) AS compared
    WHERE reason IS NOT NULL
    ORDER BY line`);
  return rows.map((row) => {
    if (row.reason === 'LISTED_TWICE') return lineSide(row, { kind: 'CHANNEL_ONLY', serialNo: row.serial_no, reason: { code: 'LISTED_TWICE', params: {} } });
    const ourSide = { serialNo: row.serial_no, ourAmount: row.our_amount, ourStatus: 'SUCCEEDED' };
    const reason: DiscrepancyReason =
      row.reason === 'NOT_SUCCEEDED_AT_CHANNEL'
        ? { code: row.reason, params: { channelStatus: row.status } }
        : row.reason === 'AMOUNT_DIFFERS'
          ? { code: row.reason, params: { ourAmount: row.our_amount, channelAmount: Number(row.amount) } }
          : { code: row.reason, params: { ourNo: row.our_channel_no ?? '', channelNo: row.line_channel_no } };
    return lineSide(row, { ...ourSide, kind: row.reason === 'AMOUNT_DIFFERS' ? 'AMOUNT_MISMATCH' : 'STATUS_MISMATCH', reason });
  });
}

/**
 * The day's lines that succeeded at the channel and that none of our records near the day matched: we
 * have the trade in another state (or succeeded far from the day): STATUS_MISMATCH; or we have nothing:
 * CHANNEL_ONLY (长款).
 */
async function unmatchedLines(session: SqlSession, paymentChannelId: string): Promise<Discrepancy[]> {
  const rows = await session.query<LineRow & { our_status: string | null; our_amount: number | null; our_at: Date | null }>(
    `
    SELECT ${LINE_COLUMNS}, coalesce(p.status::text, r.status::text) AS our_status, coalesce(p.amount, r.amount) AS our_amount,
      coalesce(p."paidAt", r."succeededAt") AS our_at
    FROM bill_line l
    LEFT JOIN "Payment" p ON l.kind = 'payment' AND p."serialNo" = l.our_no AND p."paymentChannelId" = $1
    LEFT JOIN ("Refund" r JOIN "Payment" paid ON paid."serialNo" = r."serialNo" AND paid."paymentChannelId" = $1)
      ON l.kind = 'refund' AND r."refundSerialNo" = l.our_no
    WHERE l.on_day AND l.succeeded AND NOT EXISTS (SELECT 1 FROM our_record o WHERE o.kind = l.kind AND o.our_no = l.our_no)
    ORDER BY l.line`,
    [paymentChannelId],
  );
  return rows.map((row) => {
    if (row.our_status === null) return lineSide(row, { kind: 'CHANNEL_ONLY', reason: { code: 'NOT_RECORDED', params: { record: row.kind } } });
    const at = row.our_at?.toISOString() ?? null;
    return lineSide(row, {
      kind: 'STATUS_MISMATCH',
      ourAmount: row.our_amount,
      ourStatus: at ? `${row.our_status} on ${at}` : row.our_status,
      reason: { code: 'NOT_SUCCEEDED_WITH_US', params: { ourStatus: row.our_status, at } },
    });
  });
}

/** Our records of the day that no line of the day's bill has, nor a line of a neighbour's that succeeded with the same amount (短款). */
async function missingRecords(session: SqlSession): Promise<Discrepancy[]> {
  const rows = await session.query<{ kind: RecordKind; serial_no: string; refund_serial_no: string | null; channel_no: string | null; amount: number }>(`
    SELECT o.kind, o.serial_no, o.refund_serial_no, o.channel_no, o.amount
    FROM our_record o
    WHERE o.on_day AND NOT EXISTS (SELECT 1 FROM bill_line l WHERE l.kind = o.kind AND l.our_no = o.our_no AND (l.on_day OR l.amount = o.amount))
    ORDER BY o.kind, o.our_no`);
  return rows.map((row) =>
    discrepancy({
      kind: 'CENTER_ONLY',
      serialNo: row.serial_no,
      refundSerialNo: row.refund_serial_no,
      channelTradeNo: row.kind === 'payment' ? row.channel_no : null,
      channelRefundNo: row.kind === 'refund' ? row.channel_no : null,
      ourAmount: row.amount,
      ourStatus: 'SUCCEEDED',
      reason: { code: 'NOT_IN_BILLS', params: { record: row.kind } },
    }),
  );
}

/** Every discrepancy between bill_line and our_record: the bill's lines in their order, then our records. */
export async function compareStaged(session: SqlSession, options: { paymentChannelId: string }): Promise<Discrepancy[]> {
  await session.query('ANALYZE bill_line');
  return [...(await matchedLines(session)), ...(await unmatchedLines(session, options.paymentChannelId)), ...(await missingRecords(session))];
}
