// Alipay's trade bill: the 业务明细 detail CSV (`#` title lines, a header, one line per 交易 or 退款,
// an end line, then `#` footer totals) and the 业务明细(汇总) summary CSV (the same frame around one
// line per store and a 合计 line). Values are tab-padded; refunds are written negative.
import { billError } from './bill-error';
import { requireColumn, findColumn, trimmed } from './bill-columns';
import { billFee, billFen } from './bill-amounts';
import type { BillRow, BillRowKind } from './bill-row';
import type { BillTally } from './bill-tally';
import type { BillRecord } from './read-records';

export type AlipayFile = 'detail' | 'summary';

export function alipayFile(firstLine: string): AlipayFile | null {
  if (firstLine.startsWith('#支付宝业务明细查询')) return 'detail';
  if (firstLine.startsWith('#支付宝业务汇总查询')) return 'summary';
  return null;
}

const FILES = {
  detail: { end: '业务明细列表结束', columns: '支付宝交易号' },
  summary: { end: '业务汇总列表结束', columns: '交易订单总笔数' },
} as const;

/** The summary's columns that name a store rather than hold a figure. */
const STORE_COLUMNS = new Set(['门店编号', '门店名称']);

/** A `#` line as written (the CSV reader split it at any ASCII comma). */
const commentOf = (record: BillRecord): string | null => (record.fields[0]?.startsWith('#') ? record.fields.join(',').slice(1).trim() : null);

/**
 * Footer figures such as "交易合计：6笔，商家实收共0.06元，商家优惠共0.00元": each piece is a label and
 * its value, split at the colon or where the number starts.
 */
function declareFooter(text: string, line: number, tally: BillTally): void {
  for (const piece of text.split(/[，,]/)) {
    const match = /^(.+?)[：:](.+)$/.exec(piece) ?? /^(\D+?)(-?\d.*)$/.exec(piece);
    if (match?.[1] && match[2]) tally.declare(match[1].trim(), match[2].trim(), line);
  }
}

function detailRows(header: readonly string[], line: number): (cells: readonly string[], row: number) => BillRow {
  const column = (name: string) => requireColumn(header, [name], line);
  const tradeNo = column('支付宝交易号');
  const outTradeNo = column('商户订单号');
  const type = column('业务类型');
  const time = column('完成时间');
  const amount = column('订单金额（元）');
  const fee = findColumn(header, ['服务费（元）']);
  const outRefundNo = findColumn(header, ['退款批次号/请求号']);
  return (cells, row) => {
    const kind = detailKind(cells[type] ?? '', row);
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

function detailKind(type: string, line: number): BillRowKind {
  if (type === '交易') return 'payment';
  if (type === '退款') return 'refund';
  throw billError(`unknown 业务类型 ${JSON.stringify(type)}`, { line, column: '业务类型' });
}

/** The detail's rows (the summary has none: its 合计 line is declared). */
export async function* alipayRows(options: { file: AlipayFile; records: AsyncIterable<BillRecord>; tally: BillTally }): AsyncGenerator<BillRow> {
  const { file, records, tally } = options;
  const frame = FILES[file];
  let header: string[] | null = null;
  let readRow: ((cells: readonly string[], row: number) => BillRow) | null = null;
  let ended = false;
  let totals = false;
  for await (const record of records) {
    const { line } = record;
    const comment = commentOf(record);
    if (ended) {
      if (comment === null) throw billError('content after the end of the list', { line });
      if (file === 'detail' && comment.includes('合计')) declareFooter(comment, line, tally);
    } else if (comment !== null) {
      if (comment.includes(frame.end)) ended = header !== null;
      else if (header) throw billError('a # line inside the list', { line });
    } else if (!header) {
      header = trimmed(record.fields);
      if (!header.includes(frame.columns)) throw billError(`unknown layout: the header has no ${frame.columns} column`, { line });
      if (file === 'detail') {
        tally.useHeader(header);
        readRow = detailRows(header, line);
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
  if (!ended) throw billError(`no end line (${frame.end}): the file is incomplete`);
  if (file === 'summary' && !totals) throw billError('the summary has no 合计 line');
}
