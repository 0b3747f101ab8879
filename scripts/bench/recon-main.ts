// One side of the reconciliation case, alone in its own process so that its peak RSS is its own
// (started by recon-case.ts, the result sent back over IPC):
// - baseline: the bill file read and split into lines, nothing parsed;
// - measured: the real path (compareWithBills): our records of the day copied into a temporary table,
//   the bill parsed and COPYed into another, both compared there; its result checked.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { compareWithBills } from '@/server/finance/reconciliation/reconcile-bill';
import type { ReconDay } from './recon-day';

export type ReconSide = 'baseline' | 'measured';
export interface ReconRequest {
  side: ReconSide;
  path: string;
  day: ReconDay;
}
export interface ReconReply {
  lines: number;
  ms: number;
  /** The process's peak resident set size over its whole life, in bytes. */
  peakRss: number;
  /** Empty when the result was right. */
  wrong: string[];
}

async function splitLines(path: string): Promise<number> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lines = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    const parts = (rest + decoder.write(chunk)).split('\n');
    rest = parts.pop() ?? '';
    lines += parts.length;
  }
  return lines + (rest + decoder.end() === '' ? 0 : 1);
}

async function linesOf(path: string, day: ReconDay): Promise<string[]> {
  const lines = await splitLines(path);
  return lines === day.fileLines ? [] : [`the file has ${lines} lines, not ${day.fileLines}`];
}

/** The real path; what it got wrong, compared with what the day holds. */
async function reconcile(path: string, day: ReconDay): Promise<string[]> {
  const { paymentChannelId, date } = day;
  const { discrepancies, channelTotals, ours } = await compareWithBills({ paymentChannelId, date, billOf: async (billDate) => (billDate === date ? { path } : null) });
  const made = { paymentCount: day.payments.count, paymentAmount: day.payments.amount, refundCount: day.refunds.count, refundAmount: day.refunds.amount };
  const wrong = [
    discrepancies.length > 0 && `${discrepancies.length} discrepancies, the first: ${JSON.stringify(discrepancies[0])}`,
    JSON.stringify(channelTotals) !== JSON.stringify(made) && `the bill read as ${JSON.stringify(channelTotals)}`,
    JSON.stringify(ours) !== JSON.stringify(made) && `our records add up to ${JSON.stringify(ours)}`,
  ];
  return wrong.filter((found): found is string => typeof found === 'string');
}

if (!process.send) throw new Error('run by scripts/bench/recon-case.ts (with an IPC channel)');
const send = process.send.bind(process);
process.once('message', (request: ReconRequest) => {
  void (async () => {
    const started = performance.now();
    const wrong = request.side === 'baseline' ? await linesOf(request.path, request.day) : await reconcile(request.path, request.day);
    const ms = performance.now() - started;
    send({ lines: request.day.fileLines, ms, peakRss: process.resourceUsage().maxRSS * 1024, wrong } satisfies ReconReply, () => process.exit(0));
  })();
});
