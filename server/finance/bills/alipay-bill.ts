// Alipay's bills: a detail CSV (`#` title lines, a header, one line per entry, an end line, then `#`
// footer totals) and a summary CSV in the same frame (lines per store, then 合计). The trade bill's
// detail is 业务明细 (交易, 退款 and 分账 lines, refunds and splits written negative); the fund flow's is 账务明细
// (收入 and 支出 amounts). Values are tab-padded.
import { billFee, billFen } from './bill-amounts';
import { findColumn, requireColumn, trimmed } from './bill-columns';
import { billError } from './bill-error';
import type { BillRow, BillRowKind, BillType } from './bill-row';
import type { BillTally } from './bill-tally';
import type { BillRecord } from './read-records';

export interface AlipayFile {
  billType: BillType;
  part: 'detail' | 'summary';
  /** A column the header must have (null: any summary header will do). */
  column: string | null;
}

const FILES: Readonly<Record<string, AlipayFile>> = {
  '#支付宝业务明细查询': { billType: 'trade', part: 'detail', column: '支付宝交易号' },
  '#支付宝业务汇总查询': { billType: 'trade', part: 'summary', column: '交易订单总笔数' },
  '#支付宝账务明细查询': { billType: 'fundflow', part: 'detail', column: '账务流水号' },
  '#支付宝账务汇总查询': { billType: 'fundflow', part: 'summary', column: null },
};
const END_OF_LIST = '列表结束';
/** The summary's columns that name a store rather than hold a figure. */
const STORE_COLUMNS = new Set(['门店编号', '门店名称']);

export function alipayFile(firstLine: string): AlipayFile | null {
  const title = Object.keys(FILES).find((prefix) => firstLine.startsWith(prefix));
  return title ? (FILES[title] ?? null) : null;
}

/** A `#` line as written (the CSV reader split it at any ASCII comma). */
const commentOf = (record: BillRecord): string | null => (record.fields[0]?.startsWith('#') ? record.fields.join(',').slice(1).trim() : null);

/**
 * Footer figures such as "交易合计：6笔，商家实收共0.06元" or "收入合计：18笔，共14989.00元": each piece
 * is a label and its value, split at the colon or where the number starts; a bare "共" (in all) takes
 * the label of its line ("收入合计共").
 */
function declareFooter(text: string, line: number, tally: BillTally): void {
  let group = '';
  for (const piece of text.split(/[，,]/)) {
    const labelled = /^(.+?)[：:](.+)$/.exec(piece);
    const match = labelled ?? /^(\D+?)(-?\d.*)$/.exec(piece);
    if (!match?.[1] || !match[2]) continue;
    const label = match[1].trim();
    if (labelled) group = label;
    tally.declare(label === '共' ? `${group}共` : label, match[2].trim(), line);
  }
}

type RowReader = (cells: readonly string[], line: number) => BillRow;

function tradeRows(header: readonly string[], line: number): RowReader {
  const column = (name: string) => requireColumn(header, [name], line);
  const tradeNo = column('支付宝交易号');
  const outTradeNo = column('商户订单号');
  const type = column('业务类型');
  const time = column('完成时间');
  const amount = column('订单金额（元）');
  const fee = findColumn(header, ['服务费（元）']);
  const outRefundNo = findColumn(header, ['退款批次号/请求号']);
  return (cells, row) => {
    const kind = tradeKind(cells[type] ?? '', row);
    const fen = billFen(cells[amount] ?? '', { line: row, column: header[amount] });
    if (kind === 'payment' ? fen < 0 : fen > 0) throw billError(`a ${cells[type]} line with the wrong sign`, { line: row, column: header[amount] });
    return {
      line: row,
      kind,
      time: cells[time] ?? '',
      outTradeNo: cells[outTradeNo] ?? '',
      channelTradeNo: cells[tradeNo] ?? '',
      outRefundNo: kind === 'refund' && outRefundNo >= 0 ? (cells[outRefundNo] ?? '') : '',
      channelRefundNo: '',
      amountFen: Math.abs(fen),
      fee: fee < 0 ? '' : billFee(cells[fee] ?? '', { line: row, column: header[fee] }),
      status: cells[type] ?? '',
    };
  };
}

function tradeKind(type: string, line: number): BillRowKind {
  if (type === '交易') return 'payment';
  if (type === '退款') return 'refund';
  if (type === '分账') return 'split';
  throw billError(`unknown 业务类型 ${JSON.stringify(type)}`, { line, column: '业务类型' });
}

function fundFlowRows(header: readonly string[], line: number): RowReader {
  const column = (...names: string[]) => requireColumn(header, names, line);
  const income = column('收入金额（+元）', '收入金额(+元)', '收入金额');
  const expense = column('支出金额（-元）', '支出金额(-元)', '支出金额');
  const time = column('发生时间');
  const flowNo = column('业务流水号');
  const outTradeNo = findColumn(header, ['商户订单号']);
  const type = findColumn(header, ['业务类型']);
  return (cells, row) => {
    const paidOut = Math.abs(billFen(cells[expense] || '0', { line: row, column: header[expense] }));
    const kind: BillRowKind = paidOut > 0 ? 'expense' : 'income';
    const written = cells[kind === 'expense' ? expense : income] ?? '';
    const amountFen = kind === 'expense' ? paidOut : billFen(written || '0', { line: row, column: header[income] });
    const status = type < 0 ? '' : (cells[type] ?? '');
    // The flow has no fee column: its fee lines are those Alipay files under 收费 (charges).
    const fee = status !== '收费' ? '0' : kind === 'expense' ? written.replace(/^-/, '') : `-${written}`;
    return { line: row, kind, time: cells[time] ?? '', outTradeNo: outTradeNo < 0 ? '' : (cells[outTradeNo] ?? ''), channelTradeNo: cells[flowNo] ?? '', outRefundNo: '', channelRefundNo: '', amountFen, fee, status };
  };
}

/** The detail's rows (a summary has none: its 合计 line is declared). */
export async function* alipayRows(options: { file: AlipayFile; records: AsyncIterable<BillRecord>; tally: BillTally }): AsyncGenerator<BillRow> {
  const { file, records, tally } = options;
  let header: string[] | null = null;
  let readRow: RowReader | null = null;
  let ended = false;
  let totals = false;
  for await (const record of records) {
    const { line } = record;
    const comment = commentOf(record);
    if (ended) {
      if (comment === null) throw billError('content after the end of the list', { line });
      if (file.part === 'detail' && comment.includes('合计')) declareFooter(comment, line, tally);
    } else if (comment !== null) {
      if (comment.includes(END_OF_LIST)) ended = header !== null;
      else if (header) throw billError('a # line inside the list', { line });
    } else if (!header) {
      header = trimmed(record.fields);
      if (file.column && !header.includes(file.column)) throw billError(`unknown layout: the header has no ${file.column} column`, { line });
      if (file.part === 'detail') {
        tally.useHeader(header);
        readRow = file.billType === 'trade' ? tradeRows(header, line) : fundFlowRows(header, line);
      }
    } else {
      const cells = trimmed(record.fields);
      if (cells.length !== header.length) throw billError(`${cells.length} values where the header has ${header.length} columns`, { line });
      if (readRow) {
        const row = readRow(cells, line);
        tally.add(row, cells);
        yield row;
      } else if (cells[0] === '合计') {
        header.forEach((label, index) => STORE_COLUMNS.has(label) || tally.declare(label, cells[index] ?? '', line));
        totals = true;
      }
    }
  }
  if (!ended) throw billError(`no end line (${END_OF_LIST}): the file is incomplete`);
  if (file.part === 'summary' && file.column && !totals) throw billError('the summary has no 合计 line');
}
