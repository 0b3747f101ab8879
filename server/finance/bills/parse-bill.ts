// One channel bill file -> its channel, type, rows (streamed) and report, recognised from the content.
// Every part of a ZIP is opened at once; its summary (汇总, no rows) is drained first, then the detail
// streams. Nothing reports a result until every row was read and the file ended where the channel ends it.
import { AppError } from '@/server/errors/app-error';
import { alipayFile, alipayRows, type AlipayFile } from './alipay-bill';
import { billError } from './bill-error';
import { openBillFile, type BillPart, type BillSource } from './bill-file';
import type { BillChannel, BillReport, BillRow, BillType } from './bill-row';
import { BillTally } from './bill-tally';
import { trimmed } from './bill-columns';
import { readRecords } from './read-records';
import { wechatpayBillType, wechatpayRows } from './wechatpay-bill';

export interface ChannelBill {
  channel: BillChannel;
  billType: BillType;
  /** Read once. A bill that turns out bad ends the iteration with an AppError naming the line. */
  rows: AsyncIterable<BillRow>;
  /** The figures of the whole bill: only once every row was read. */
  report(): BillReport;
}

interface BillText {
  channel: BillChannel;
  billType: BillType;
  alipay: AlipayFile | null;
  rows: AsyncIterable<BillRow>;
}

/** Anything that stops a bill being read becomes the one error type, saying what was wrong. */
function asBillError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('Z_')) return billError(`the compressed data (gzip, or a ZIP entry) is truncated or damaged (${message})`);
  return billError(`the file cannot be read as a bill (${message})`);
}

async function* guarded<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (error) {
    throw asBillError(error);
  }
}

async function readText(part: BillPart, tally: BillTally): Promise<BillText> {
  const records = readRecords(await part.open())[Symbol.asyncIterator]();
  const first = await records.next().catch((error: unknown) => {
    throw asBillError(error);
  });
  if (first.done) throw billError('not a bill: the file is empty');
  const rest = { [Symbol.asyncIterator]: () => records };
  const header = trimmed(first.value.fields);
  const alipay = alipayFile(header.join(','));
  if (alipay) return { channel: 'alipay', billType: alipay.billType, alipay, rows: guarded(alipayRows({ file: alipay, records: rest, tally })) };
  const billType = wechatpayBillType(header);
  if (billType) return { channel: 'wechatpay', billType, alipay: null, rows: guarded(wechatpayRows({ header: first.value, billType, records: rest, tally })) };
  throw billError('not a bill: the first line is neither an Alipay bill title nor a WeChat Pay bill header', { line: first.value.line });
}

export async function openBill(source: BillSource): Promise<ChannelBill> {
  const file = await openBillFile(source);
  const tally = new BillTally();
  try {
    const { parts } = file;
    if (parts.length === 0) throw billError('not a bill: the ZIP archive is empty');
    const texts: BillText[] = [];
    for (const part of parts) texts.push(await readText(part, tally));
    const summaries = texts.filter((text) => text.alipay?.part === 'summary');
    const details = texts.filter((text) => text.alipay?.part !== 'summary');
    const main = details.length === 0 && texts.length === 1 ? texts[0] : details[0];
    if (!main || details.length > 1) throw billError(`not a bill: expected one detail file, found ${details.length}`);
    if (texts.some((text) => text.channel !== main.channel || text.billType !== main.billType)) throw billError('not a bill: the archive mixes channels or bill types');
    const detail: BillText = main;
    let finished = false;
    async function* rows(): AsyncGenerator<BillRow> {
      try {
        for (const summary of summaries) if (summary !== detail) for await (const row of summary.rows) yield row;
        yield* detail.rows;
        finished = true;
      } finally {
        file.close();
      }
    }
    return {
      channel: main.channel,
      billType: main.billType,
      rows: rows(),
      report: () => {
        if (!finished) throw new AppError('INTERNAL_ERROR', 'A bill report was asked for before all its rows were read');
        return tally.report(detail.channel, detail.billType);
      },
    };
  } catch (error) {
    file.close();
    throw error;
  }
}

/** The report of a whole bill file, as `npm run bill:parse` prints it. */
export async function summarizeBill(source: BillSource): Promise<BillReport> {
  const bill = await openBill(source);
  for await (const row of bill.rows) void row;
  return bill.report();
}
