// `npm run bench` — speed and memory of PayCenter's hot paths, each reported as a ratio against a
// baseline measured in the same run on the same machine (docs/benchmarks.md). Nothing is asserted
// against a threshold; the run fails only if an operation answers wrongly. BENCH_SCALE (default 1)
// multiplies every iteration count. Uses its own throwaway database, never the developer's.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beijingDay } from '@/server/gateway/beijing-time';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { openAppSecret } from '@/server/security/app-secret';
import { connectDatabase, db } from '@/server/db/client';
import { freePort } from '@/server/db/embedded';
import { wireSandbox } from '@/server/sandbox/provisioning/wire-sandbox';
import { paymentsTenant, paymentRequest, type PaymentsTenant } from '@/server/testing/payments-api';
import { alipayNotifyCase, appSignatureCase, runCpuCase, webhookSignatureCase, type CpuResult } from './bench/cpu-cases';
import { concurrent, concurrentPaired, createQrPayment, deliverNotify, feedRequest, paidNotifies, sequentialPaired, type PairedThroughput } from './bench/http-cases';
import { onShutdown } from './lib/processes';
import { analyticsCase, analyticsRows } from './bench/analytics-case';
import { makeReconDay } from './bench/recon-day';
import { reconCase, reconRows, type ReconResult } from './bench/recon-case';
import { formatTable, megabytes, microseconds, perSecond, type ResultRow } from './bench/report';
import { startBenchServer, type BenchServer } from './bench/server-process';
import { round } from './bench/stats';
import { throwawayDatabase } from './bench/throwaway-database';

const ROOT = path.resolve(import.meta.dirname, '..');
const CONCURRENCY = 8;
const WARM_UP = 20;

function benchScale(): number {
  const raw = process.env.BENCH_SCALE ?? '1';
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`BENCH_SCALE must be a positive number, got "${raw}"`);
  return scale;
}

/** `npm run bench -- recon`: only the named groups of cases; all of them without arguments. */
const GROUPS = ['server', 'recon', 'analytics'] as const;
type Group = (typeof GROUPS)[number];

function benchGroups(): Set<Group> {
  const named = process.argv.slice(2);
  const unknown = named.filter((name) => !(GROUPS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown case group ${unknown.join(', ')}: choose among ${GROUPS.join(', ')} (server: CPU, HTTP and memory cases; analytics: daily rollups and the overview)`);
  return new Set(named.length > 0 ? GROUPS.filter((group) => named.includes(group)) : GROUPS);
}

const scale = benchScale();
const groups = benchGroups();
const times = (count: number) => Math.max(1, Math.round(count * scale));
const COUNTS = {
  alipayVerify: times(3_000),
  hmac: times(30_000),
  sequential: times(200),
  concurrent: times(600),
  memory: times(1_000),
  reconLines: times(1_000_000),
  analyticsPayments: times(2_000_000),
  analyticsSamples: times(50),
};

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function cpuRow(result: CpuResult): ResultRow {
  return {
    group: 'cpu',
    case: result.name,
    baselineCase: result.baselineName,
    baseline: microseconds(result.baselineNsPerOp),
    measured: microseconds(result.measuredNsPerOp),
    ratio: result.ratio,
  };
}

function throughputRow(name: string, { baseline, measured }: PairedThroughput): ResultRow {
  return {
    group: 'http-concurrent',
    case: `${name}, concurrency ${measured.concurrency} (throughput)`,
    baselineCase: `GET /api/v1/events?limit=1, concurrency ${baseline.concurrency}`,
    baseline: perSecond(baseline.perSecond),
    measured: perSecond(measured.perSecond),
    ratio: round(measured.perSecond / baseline.perSecond),
    p50Ms: round(measured.latency.p50Ms),
    p95Ms: round(measured.latency.p95Ms),
  };
}

/** Heap growth after GC per 1,000 runs of `operation`, with nothing else running (GC before and after). */
async function heapGrowthPer1000(server: BenchServer, count: number, operation: (index: number) => Promise<void>): Promise<number> {
  const before = await server.memory();
  await concurrent(count, CONCURRENCY, operation);
  const after = await server.memory();
  return ((after.heapUsed - before.heapUsed) / count) * 1000;
}

/** Warms the server (route modules, SDK, connection pools) and answers a realistic notify, webhook body and app secret for the CPU cases. */
async function warmUp(server: BenchServer, tenant: PaymentsTenant) {
  const feed = feedRequest(tenant);
  const serialNos: string[] = [];
  for (let i = 0; i < WARM_UP; i++) {
    await feed();
    serialNos.push(await createQrPayment(tenant));
  }
  await concurrent(CONCURRENCY * 2, CONCURRENCY, async () => void serialNos.push(await createQrPayment(tenant)));
  const notifies = await paidNotifies(tenant, serialNos);
  // The last one is kept undelivered for the CPU case; the others settle their payments.
  for (const body of notifies.slice(0, -1)) await deliverNotify(server.baseUrl, tenant, body);
  const event = await tenant.client.request('GET', '/api/v1/events?limit=1');
  if (event.status !== 200 || event.body.events[0]?.type !== 'payment.succeeded') throw new Error(`no payment.succeeded event after the warm-up callbacks: ${JSON.stringify(event.body)}`);
  const secretRow = await db().appSecret.findFirstOrThrow({ where: { appId: tenant.app.id, revokedAt: null } });
  return {
    notifyBody: notifies.at(-1)!,
    notifySerialNo: serialNos.at(-1)!,
    webhookBody: JSON.stringify(event.body.events[0]),
    appSecret: openAppSecret(secretRow),
  };
}

/** The CPU, HTTP and memory cases, against the warmed-up app server: their rows and raw results. */
async function serverCases(server: BenchServer, tenant: PaymentsTenant) {
  const samples = await warmUp(server, tenant);
  const rows: ResultRow[] = [];

  log('CPU cases');
  const account = await loadChannelAccount(tenant.paymentId);
  for (const benchCase of [
    alipayNotifyCase({ account, notifyBody: samples.notifyBody, serialNo: samples.notifySerialNo, iterations: COUNTS.alipayVerify }),
    appSignatureCase({ secret: samples.appSecret, pathWithQuery: '/api/v1/payments', body: JSON.stringify(paymentRequest(tenant, { invokeMethod: 'QR' })), iterations: COUNTS.hmac }),
    webhookSignatureCase({ secret: samples.appSecret, rawBody: samples.webhookBody, iterations: COUNTS.hmac }),
  ]) {
    rows.push(cpuRow(runCpuCase(benchCase)));
  }

  const idle = await server.memory();
  const feed = feedRequest(tenant);
  // First, from the settled idle server: after a concurrent phase, garbage still held by sockets and timers would be freed during the next probe's run.
  log(`memory: heap after GC around ${COUNTS.memory} feed requests, then around ${COUNTS.memory} payments`);
  const heapPer1000 = { feed: await heapGrowthPer1000(server, COUNTS.memory, feed), payments: await heapGrowthPer1000(server, COUNTS.memory, () => createQrPayment(tenant).then(() => undefined)) };

  const serialNos: string[] = [];
  const create = async () => void serialNos.push(await createQrPayment(tenant));

  log(`sequential: ${COUNTS.sequential} payments, each paired with a feed request`);
  const sequentialPayments = await sequentialPaired(COUNTS.sequential, feed, create);
  log(`concurrency ${CONCURRENCY}: ${COUNTS.concurrent} payments and ${COUNTS.concurrent} feed requests in alternating chunks`);
  const concurrentPayments = await server.measurePeakRss(() => concurrentPaired(COUNTS.concurrent, CONCURRENCY, feed, create));
  log(`preparing ${serialNos.length} signed paid notifies`);
  const notifies = await paidNotifies(tenant, serialNos);
  const deliver = (index: number) => deliverNotify(server.baseUrl, tenant, notifies[index]!);
  log(`sequential: ${COUNTS.sequential} paid callbacks, each paired with a feed request`);
  const sequentialCallbacks = await sequentialPaired(COUNTS.sequential, feed, deliver);
  log(`concurrency ${CONCURRENCY}: ${COUNTS.concurrent} paid callbacks and ${COUNTS.concurrent} feed requests in alternating chunks`);
  const concurrentCallbacks = await server.measurePeakRss(() => concurrentPaired(COUNTS.concurrent, CONCURRENCY, feed, (index) => deliver(COUNTS.sequential + index)));
  const succeeded = await db().payment.count({ where: { serialNo: { in: serialNos }, status: 'SUCCEEDED' } });
  if (succeeded !== serialNos.length) throw new Error(`${serialNos.length} paid callbacks were acknowledged but ${succeeded} payments are SUCCEEDED`);

  for (const [name, paired] of [
    ['POST /api/v1/payments (Alipay QR, precreate at the simulator), sequential', sequentialPayments],
    ['paid callback POST /api/channels/alipay/notify/…, sequential', sequentialCallbacks],
  ] as const) {
    rows.push({
      group: 'http-sequential',
      case: name,
      baselineCase: 'GET /api/v1/events?limit=1, sequential, interleaved',
      baseline: `p50 ${paired.baseline.p50Ms.toFixed(2)} ms`,
      measured: `p50 ${paired.measured.p50Ms.toFixed(2)} ms`,
      ratio: round(paired.measured.p50Ms / paired.baseline.p50Ms),
      p50Ms: round(paired.measured.p50Ms),
      p95Ms: round(paired.measured.p95Ms),
    });
  }
  rows.push(throughputRow('POST /api/v1/payments', concurrentPayments.result));
  rows.push(throughputRow('paid callback', concurrentCallbacks.result));

  for (const [name, growth] of [
    ['payments', heapPer1000.payments],
    ['feed requests (for comparison)', heapPer1000.feed],
  ] as const) {
    rows.push({
      group: 'memory',
      case: `server heap after GC, growth per 1,000 ${name}`,
      baselineCase: 'idle server heap after GC (warmed up)',
      baseline: megabytes(idle.heapUsed),
      measured: `${growth >= 0 ? '+' : ''}${megabytes(growth)}`,
      ratio: round((idle.heapUsed + growth) / idle.heapUsed),
    });
  }
  for (const [name, peak] of [
    [`server peak RSS, ${CONCURRENCY} concurrent payments`, concurrentPayments.peakRss],
    [`server peak RSS, ${CONCURRENCY} concurrent callbacks`, concurrentCallbacks.peakRss],
  ] as const) {
    rows.push({ group: 'memory', case: name, baselineCase: 'idle server RSS (warmed up)', baseline: megabytes(idle.rss), measured: megabytes(peak), ratio: round(peak / idle.rss) });
  }
  return {
    rows,
    raw: {
      sequentialPayments,
      sequentialCallbacks,
      concurrentPayments: concurrentPayments.result,
      concurrentCallbacks: concurrentCallbacks.result,
      memory: { idle, heapGrowthPer1000: heapPer1000, peakRssPayments: concurrentPayments.peakRss, peakRssCallbacks: concurrentCallbacks.peakRss },
    },
  };
}

/** The reconciliation case: its day made (not timed), then measured against its baseline. */
async function reconciliation(dataDir: string, tenant: PaymentsTenant, env: Record<string, string>): Promise<ReconResult> {
  log(`reconciliation: recording ${COUNTS.reconLines} trades of yesterday and writing their WeChat Pay ALL bill (not timed)`);
  const billPath = path.join(dataDir, 'wechatpay-trade-all.csv');
  const day = await makeReconDay({ tenant, lines: COUNTS.reconLines, date: beijingDay(new Date(Date.now() - 24 * 3600_000)), path: billPath });
  log('reconciliation: reading and splitting the bill, then reconciling it, each in a process of its own');
  return reconCase({ day, path: billPath, env });
}

async function main(): Promise<void> {
  const started = Date.now();
  log(`scale ${scale}, cases ${[...groups].join(' + ')}: ${JSON.stringify(COUNTS)}; ${os.cpus().length} CPUs, node ${process.version}`);
  const database = await throwawayDatabase({ givenUrl: process.env.DATABASE_URL });
  // On Ctrl-C: the server child is stopped and the throwaway database removed all the same.
  onShutdown(() => database.drop());
  const port = await freePort().catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  // Before anything reads env(): this process and the server share the throwaway data dir (dev secrets) and database.
  const benchEnv = {
    DATABASE_URL: database.url,
    PAYCENTER_DATA_DIR: database.dataDir,
    PAYCENTER_BASE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  Object.assign(process.env, benchEnv);
  connectDatabase(database.url);
  // The bench tenant's payment ID is a sandbox channel.
  wireSandbox();
  let server: BenchServer | undefined;
  try {
    log(`throwaway database ready (${database.embedded ? 'embedded cluster' : 'on DATABASE_URL server'}); starting the app server`);
    server = await startBenchServer({ port, env: benchEnv, logFile: path.join(database.dataDir, 'server.log') });
    const tenant = await paymentsTenant({ baseUrl: server.baseUrl });
    const rows: ResultRow[] = [];
    const served = groups.has('server') ? await serverCases(server, tenant) : null;
    if (served) rows.push(...served.rows);
    // Before the reconciliation day: the first refresh rebuilds every company's history, which should be the analytics company's.
    const analytics = groups.has('analytics') ? await analyticsCase({ tenant, payments: COUNTS.analyticsPayments, samples: COUNTS.analyticsSamples, log }) : null;
    if (analytics) rows.push(...analyticsRows(analytics));
    const recon = groups.has('recon') ? await reconciliation(database.dataDir, tenant, benchEnv) : null;
    if (recon) rows.push(...reconRows(recon));

    const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}` };
    const results = {
      startedAt: new Date(started).toISOString(),
      durationSeconds: round((Date.now() - started) / 1000, 1),
      scale,
      counts: { ...COUNTS, concurrency: CONCURRENCY, warmUp: WARM_UP },
      groups: [...groups],
      machine,
      rows,
      raw: { ...served?.raw, reconciliation: recon, analytics },
    };
    const out = path.join(ROOT, 'bench-results', 'bench.json');
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(results, null, 2) + '\n');
    console.log(`\n${formatTable(rows)}\n`);
    log(`done in ${results.durationSeconds} s (${machine.cpus} CPUs, node ${machine.node}); results in ${path.relative(process.cwd(), out)}`);
  } catch (error) {
    if (server) console.error(`--- end of the app server's log ---\n${server.logTail()}`);
    throw error;
  } finally {
    const warn = (error: unknown) => console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
    await server?.stop().catch(warn);
    await db().$disconnect().catch(warn);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`✗ bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
