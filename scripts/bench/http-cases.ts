// Operations of the app API over real HTTP, each checked: a wrong answer fails the run, so a broken
// path can never produce a fast number.
import { performance } from 'node:perf_hooks';
import type { AppApiClient } from '@/server/testing/app-api-client';
import { paymentRequest, postNotify } from '@/server/testing/payments-api';
import { summarizeLatencies, type LatencySummary } from './stats';

export type Operation = (index: number) => Promise<void>;

/** A server the same operations run against: PayCenter or the floor, which answer the same requests. */
export interface Target {
  baseUrl: string;
  client: AppApiClient;
  merchantId: string;
  paymentId: string;
  /** Where its payments' webhooks go. */
  notifyUrl: string;
  /** Genuinely signed notifies of these attempts paid, made ahead so that only their delivery is timed. */
  paidNotifies(serialNos: readonly string[]): Promise<string[]>;
}

function fail(what: string, status: number, body: unknown): never {
  throw new Error(`${what}: HTTP ${status} ${JSON.stringify(body).slice(0, 500)}`);
}

/** A signed GET of the change feed: authentication (HMAC, nonce insert) and one query. */
export function feedRequest(target: Target): Operation {
  return async () => {
    const answer = await target.client.request('GET', '/api/v1/events?limit=1');
    if (answer.status !== 200 || !Array.isArray(answer.body?.events)) fail('GET /api/v1/events?limit=1', answer.status, answer.body);
  };
}

/** A signed GET of one payment by serial number, the `index`th of `serialNos` (round robin). */
export function lookupRequest(target: Target, serialNos: readonly string[]): Operation {
  return async (index) => {
    const serialNo = serialNos[index % serialNos.length]!;
    const answer = await target.client.request('GET', `/api/v1/payments/${serialNo}`);
    if (answer.status !== 200 || answer.body?.payment?.serialNo !== serialNo) fail(`GET /api/v1/payments/${serialNo}`, answer.status, answer.body);
  };
}

/** POST /api/v1/payments, Alipay QR: the attempt is recorded and alipay.trade.precreate goes to the (simulated) Alipay over HTTP. */
export async function createQrPayment(target: Target): Promise<string> {
  const answer = await target.client.request('POST', '/api/v1/payments', paymentRequest(target, { invokeMethod: 'QR', notifyUrl: target.notifyUrl }));
  const payment = answer.body?.payment;
  if (answer.status !== 201 || payment?.status !== 'PENDING' || answer.body?.action?.type !== 'QR_CODE') fail('POST /api/v1/payments', answer.status, answer.body);
  return payment.serialNo as string;
}

/** Delivers one notify to the center's callback route; anything but Alipay's `success` acknowledgement is a failure. */
export async function deliverNotify(target: Target, body: string): Promise<void> {
  const response = await postNotify(target.baseUrl, target.paymentId, body);
  const text = await response.text();
  if (response.status !== 200 || text !== 'success') fail(`POST /api/channels/alipay/notify/${target.paymentId}`, response.status, text);
}

async function timed(operation: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await operation();
  return performance.now() - start;
}

/** Both sides of turn `turn`, the baseline first on even turns, so neither always runs on a warmer or a colder server. */
async function inTurn(turn: number, baseline: () => Promise<void>, measured: () => Promise<void>): Promise<void> {
  const [first, second] = turn % 2 === 0 ? [baseline, measured] : [measured, baseline];
  await first();
  await second();
}

/**
 * When a run of requests went on, in microseconds of the monotonic clock (`process.hrtime`): the
 * clock of V8's .cpuprofile timestamps, in every process, so a server's profile can be cut by it.
 */
export interface RunWindow {
  startUs: number;
  endUs: number;
  requests: number;
}

export interface Throughput {
  requests: number;
  concurrency: number;
  elapsedMs: number;
  perSecond: number;
  latency: LatencySummary;
  windows: RunWindow[];
}

interface PoolRun {
  window: RunWindow;
  latenciesMs: number[];
}

export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** `count` operations by `concurrency` workers, each starting the next as soon as its last is answered. */
async function runPool(count: number, concurrency: number, operation: Operation): Promise<PoolRun> {
  const latenciesMs: number[] = [];
  const startUs = monotonicUs();
  await pooled(
    Array.from({ length: count }, (_, index) => index),
    concurrency,
    async (index) => void latenciesMs.push(await timed(() => operation(index))),
  );
  return { window: { startUs, endUs: monotonicUs(), requests: count }, latenciesMs };
}

function throughputOf(runs: readonly PoolRun[], concurrency: number): Throughput {
  const latencies = runs.flatMap((run) => run.latenciesMs);
  const windows = runs.map((run) => run.window);
  const elapsedMs = windows.reduce((sum, window) => sum + (window.endUs - window.startUs) / 1000, 0);
  return { requests: latencies.length, concurrency, elapsedMs, perSecond: (latencies.length / elapsedMs) * 1000, latency: summarizeLatencies(latencies), windows };
}

export async function concurrent(count: number, concurrency: number, operation: Operation): Promise<Throughput> {
  return throughputOf([await runPool(count, concurrency, operation)], concurrency);
}

export interface PairedThroughput {
  baseline: Throughput;
  measured: Throughput;
}

const CHUNKS = 4;

/**
 * Concurrent runs of the baseline and the measured operation (`count` of each) in alternating
 * chunks, so that a slower minute of a shared machine falls on both rather than on one.
 */
export async function concurrentPaired(count: number, concurrency: number, baseline: Operation, measured: Operation): Promise<PairedThroughput> {
  const baselineRuns: PoolRun[] = [];
  const measuredRuns: PoolRun[] = [];
  let done = 0;
  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    const offset = done;
    const size = Math.round(((chunk + 1) * count) / CHUNKS) - offset;
    done += size;
    if (size === 0) continue;
    await inTurn(
      chunk,
      async () => void baselineRuns.push(await runPool(size, concurrency, (index) => baseline(offset + index))),
      async () => void measuredRuns.push(await runPool(size, concurrency, (index) => measured(offset + index))),
    );
  }
  return { baseline: throughputOf(baselineRuns, concurrency), measured: throughputOf(measuredRuns, concurrency) };
}

/** `work` over `items` by at most `concurrency` at a time; results in item order; the first failure fails all. */
export async function pooled<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
