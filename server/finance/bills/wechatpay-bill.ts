// WeChat Pay's trade bill (交易账单: ALL, SUCCESS or REFUND; the v3 layout and the older 24-column one)
// and fund-flow bill (资金账单): a header line, one backtick-prefixed line per row, then a summary header
// and its one line of figures, which must end the file.
import { billError } from './bill-error';
import { findColumn, requireColumn, trimmed } from './bill-columns';
import { billFee, billFen } from './bill-amounts';
import type { BillRow, BillRowKind, BillType } from './bill-row';
import type { BillTally } from './bill-tally';
import type { BillRecord } from './read-records';

export function wechatpayBillType(header: readonly string[]): BillType | null {
  if (header.includes('微信订单号') && header.includes('交易时间')) return 'trade';
  if (header.includes('资金流水单号') && header.includes('收支类型')) return 'fundflow';
  return null;
}

/**
 * A line's values without their backtick. A value holding a comma comes split by the CSV reader, and
 * is the piece that lacks the backtick: it is joined back to the value before it.
 */
function cellsOf(record: BillRecord): string[] {
  const cells: string[] = [];
  for (const field of record.fields) {
    if (field.startsWith('`')) cells.push(field.slice(1).trim());
    else if (cells.length > 0) cells.push(`${cells.pop()},${field.trim()}`);
    else throw billError('a line of values whose first value lacks the backtick', { line: record.line });
  }
  return cells;
}

type RowReader = (cells: readonly string[], line: number) => BillRow;

function tradeRows(header: readonly string[], line: number): RowReader {
  const column = (...names: string[]) => requireColumn(header, names, line);
  const time = column('交易时间');
  const refundTime = findColumn(header, ['退款成功时间']);
  const outTradeNo = column('商户订单号');
  const channelTradeNo = column('微信订单号');
  const outRefundNo = findColumn(header, ['商户退款单号']);
  const channelRefundNo = findColumn(header, ['微信退款单号']);
  const state = column('交易状态');
  const refundState = findColumn(header, ['退款状态']);
  const fee = column('手续费');
  // The amount the merchant asked for first; the older layout has only 总金额 and 退款金额.
  const paid = column('订单金额', '应结订单金额', '总金额');
  const refunded = findColumn(header, ['申请退款金额', '退款金额']);
  return (cells, row) => {
    const kind = tradeKind(cells[state] ?? '', row);
    if (kind === 'refund' && refunded < 0) throw billError('a REFUND line in a bill without a refund amount column', { line: row });
    const amountAt = kind === 'refund' ? refunded : paid;
    const cell = (index: number) => (index < 0 ? '' : (cells[index] ?? ''));
    return {
      line: row,
      kind,
      time: cell(kind === 'refund' && refundTime >= 0 ? refundTime : time),
      outTradeNo: cell(outTradeNo),
      channelTradeNo: cell(channelTradeNo),
      outRefundNo: kind === 'refund' ? cell(outRefundNo) : '',
      channelRefundNo: kind === 'refund' ? cell(channelRefundNo) : '',
      amountFen: billFen(cell(amountAt), { line: row, column: header[amountAt] }),
      fee: billFee(cell(fee), { line: row, column: header[fee] }),
      status: kind === 'refund' ? cell(refundState) || 'REFUND' : cell(state),
    };
  };
}

function tradeKind(state: string, line: number): BillRowKind {
  switch (state) {
    case 'SUCCESS':
    case 'REVOKED':
      return 'payment';
    case 'REFUND':
      return 'refund';
    default:
      throw billError(`unknown 交易状态 ${JSON.stringify(state)}`, { line, column: '交易状态' });
  }
}

function fundFlowRows(header: readonly string[], line: number): RowReader {
  const column = (...names: string[]) => requireColumn(header, names, line);
  const time = column('记账时间');
  const channelNo = column('微信支付业务单号');
  const businessType = column('业务类型');
  const direction = column('收支类型');
  const amount = column('收支金额(元)', '收支金额（元）');
  const voucher = findColumn(header, ['业务凭证号']);
  return (cells, row) => {
    const kind = fundFlowKind(cells[direction] ?? '', row);
    const type = cells[businessType] ?? '';
    const written = cells[amount] ?? '';
    const amountFen = billFen(written, { line: row, column: header[amount] });
    // The flow has no fee column: its fee lines are those of a fee business type, charged out, returned in.
    const fee = !type.includes('手续费') ? '0' : kind === 'expense' ? written : `-${written}`;
    return { line: row, kind, time: cells[time] ?? '', outTradeNo: voucher < 0 ? '' : (cells[voucher] ?? ''), channelTradeNo: cells[channelNo] ?? '', outRefundNo: '', channelRefundNo: '', amountFen, fee, status: type };
  };
}

function fundFlowKind(direction: string, line: number): BillRowKind {
  if (direction === '收入') return 'income';
  if (direction === '支出') return 'expense';
  throw billError(`unknown 收支类型 ${JSON.stringify(direction)}`, { line, column: '收支类型' });
}

export async function* wechatpayRows(options: { header: BillRecord; billType: BillType; records: AsyncIterable<BillRecord>; tally: BillTally }): AsyncGenerator<BillRow> {
  const { billType, records, tally } = options;
  const header = trimmed(options.header.fields);
  tally.useHeader(header);
  const readRow = billType === 'trade' ? tradeRows(header, options.header.line) : fundFlowRows(header, options.header.line);
  let summary: string[] | null = null;
  let complete = false;
  for await (const record of records) {
    const { line } = record;
    if (complete) throw billError('content after the summary line', { line });
    if (!record.fields[0]?.startsWith('`')) {
      if (summary) throw billError('a second summary header', { line });
      summary = trimmed(record.fields);
      continue;
    }
    const cells = cellsOf(record);
    if (summary) {
      if (cells.length !== summary.length) throw billError(`the summary has ${cells.length} values for ${summary.length} labels`, { line });
      summary.forEach((label, index) => tally.declare(label, cells[index] ?? '', line));
      complete = true;
      continue;
    }
    if (cells.length !== header.length) throw billError(`${cells.length} values where the header has ${header.length} columns`, { line });
    const row = readRow(cells, line);
    tally.add(row, cells);
    yield row;
  }
  if (!complete) throw billError(summary ? 'the summary header has no line of figures: the bill is incomplete' : 'no summary at the end: the bill is incomplete');
}
