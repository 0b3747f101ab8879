// The reconciliation case: a day of N bill lines and N records, reconciled in a fresh child process
// (recon-main.ts) against a baseline run in another fresh one, so that neither side's memory (nor the
// bench's, holding the app server's tenant) shows in the other's peak RSS.
import { once } from 'node:events';
import path from 'node:path';
import { spawnManaged } from '../lib/processes';
import type { ReconDay } from './recon-day';
import type { ReconReply, ReconRequest, ReconSide } from './recon-main';
import { megabytes, type ResultRow } from './report';
import { round } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ReconResult {
  baseline: ReconReply;
  measured: ReconReply;
}

async function runSide(side: ReconSide, request: Omit<ReconRequest, 'side'>, env: Record<string, string>): Promise<ReconReply> {
  const child = spawnManaged(process.execPath, ['--import', 'tsx', 'scripts/bench/recon-main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const replied = once(child, 'message') as Promise<[ReconReply]>;
  child.send({ side, ...request } satisfies ReconRequest);
  const [reply] = await Promise.race([replied, exited.then(([code]) => Promise.reject(new Error(`the reconciliation ${side} process exited (code ${String(code)}) without a result`)))]);
  await exited;
  if (reply.wrong.length > 0) throw new Error(`the reconciliation ${side} went wrong:\n${reply.wrong.join('\n')}`);
  return reply;
}

/** Baseline first, then the measured path, each in its own process; throws if either answers wrongly. */
export async function reconCase(options: { day: ReconDay; path: string; env: Record<string, string> }): Promise<ReconResult> {
  const request = { day: options.day, path: options.path };
  const baseline = await runSide('baseline', request, options.env);
  const measured = await runSide('measured', request, options.env);
  return { baseline, measured };
}

const linesPerSecond = (reply: ReconReply) => reply.lines / (reply.ms / 1000);

export function reconRows(result: ReconResult): ResultRow[] {
  const { baseline, measured } = result;
  const lines = measured.lines.toLocaleString('en-US');
  return [
    {
      group: 'reconciliation',
      case: `reconcile a ${lines}-line WeChat Pay ALL bill with as many records (bill COPYed to PostgreSQL and joined with our records: compareWithBills), ${(measured.ms / 1000).toFixed(1)} s`,
      baselineCase: 'read the same file and split it into lines',
      baseline: `${Math.round(linesPerSecond(baseline)).toLocaleString('en-US')} lines/s`,
      measured: `${Math.round(linesPerSecond(measured)).toLocaleString('en-US')} lines/s`,
      ratio: round(linesPerSecond(measured) / linesPerSecond(baseline)),
    },
    {
      group: 'reconciliation',
      case: `peak RSS, reconciling the ${lines}-line bill (its own process)`,
      baselineCase: 'peak RSS, reading and splitting it (its own process)',
      baseline: megabytes(baseline.peakRss),
      measured: megabytes(measured.peakRss),
      ratio: round(measured.peakRss / baseline.peakRss),
    },
  ];
}
