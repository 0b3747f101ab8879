// Resident memory of a process tree read from /proc (Linux): a server under measurement is a process
// the bench did not write (`next start`), so its memory is read from outside rather than asked for.
import { readdirSync, readFileSync } from 'node:fs';

const SAMPLE_MS = 20;

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return []; // exited meanwhile
  }
}

/** Every process below `pid` (not `pid` itself). */
export function descendantsOf(pid: number): number[] {
  const found = childrenOf(pid);
  return [...found, ...found.flatMap(descendantsOf)];
}

/** The summed RSS of `pids`, in bytes; a process that exited meanwhile counts as 0. */
export function rssOf(pids: readonly number[]): number {
  let kilobytes = 0;
  for (const pid of pids) {
    try {
      kilobytes += Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return kilobytes * 1024;
}

/** Runs `work` and answers its result with the highest summed RSS of `pids()` sampled meanwhile (every 20 ms). */
export async function withPeakRss<T>(pids: () => number[], work: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peakRss = 0;
  const sample = () => (peakRss = Math.max(peakRss, rssOf(pids())));
  sample();
  const sampler = setInterval(sample, SAMPLE_MS);
  try {
    const result = await work();
    sample();
    return { result, peakRss };
  } finally {
    clearInterval(sampler);
  }
}
