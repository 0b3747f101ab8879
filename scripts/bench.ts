// `npm run bench` — speed and memory of PayCenter, each reported as a ratio against a baseline measured
// in the same run on the same machine (docs/benchmarks.md): the production server against a floor
// server doing the same work on bare node:http + pg. Nothing is asserted against a threshold; the run
// fails only if an operation answers wrongly. BENCH_SCALE (default 1) multiplies every iteration
// count. Uses its own throwaway database, never the developer's. BENCH_CPU_PROF=1 profiles the first
// PayCenter instance and summarises its CPU per HTTP case (scripts/bench/cpu-profile.ts).
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beijingDay } from '@/server/gateway/beijing-time';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { connectDatabase, db } from '@/server/db/client';
import { freePort } from '@/server/db/embedded';
import { wireSandbox } from '@/server/sandbox/provisioning/wire-sandbox';
import { paymentsTenant, paymentRequest, type PaymentsTenant } from '@/server/testing/payments-api';
import { reportCpuProfile } from './bench/cpu-profile';
import { alipayNotifyCase, appSignatureCase, runCpuCase, webhookSignatureCase, type CpuResult } from './bench/cpu-cases';
import { startFloorServer, type FloorServer } from './bench/floor/start-floor';
import { createQrPayment, type Target } from './bench/http-cases';
import { appSecretOf, floorTarget, paycenterTarget, paycenterVersusFloor, twoInstances, warmUp, type VersusFloorRun } from './bench/http-run';
import { ensureProductionBuild } from './bench/production-build';
import { startProductionServer, type ProductionServer } from './bench/production-server';
import { onShutdown } from './lib/processes';
import { analyticsCase, analyticsRows } from './bench/analytics-case';
import { makeReconDay } from './bench/recon-day';
import { reconCase, reconRows, type ReconResult } from './bench/recon-case';
import { formatTable, microseconds, type ResultRow } from './bench/report';
import { round } from './bench/stats';
import { throwawayDatabase } from './bench/throwaway-database';
import { webhookWatch, type WebhookWatch } from './bench/webhook-watch';

const ROOT = path.resolve(import.meta.dirname, '..');

function benchScale(): number {
  const raw = process.env.BENCH_SCALE ?? '1';
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`BENCH_SCALE must be a positive number, got "${raw}"`);
  return scale;
}

/** `npm run bench -- http recon`: only the named groups of cases; all of them without arguments. */
const GROUPS = ['cpu', 'http', 'recon', 'analytics'] as const;
type Group = (typeof GROUPS)[number];

function benchGroups(): Set<Group> {
  const named = process.argv.slice(2);
  const unknown = named.filter((name) => !(GROUPS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown case group ${unknown.join(', ')}: choose among ${GROUPS.join(', ')} (analytics: daily rollups and the overview)`);
  return new Set(named.length > 0 ? GROUPS.filter((group) => named.includes(group)) : GROUPS);
}

const scale = benchScale();
const groups = benchGroups();
const cpuProfiling = process.env.BENCH_CPU_PROF === '1';
if (cpuProfiling && !groups.has('http')) throw new Error('BENCH_CPU_PROF=1 profiles the server during the HTTP cases: run them (`npm run bench -- http`)');
const times = (count: number) => Math.max(1, Math.round(count * scale));
const COUNTS = {
  alipayVerify: times(3_000),
  hmac: times(30_000),
  concurrent: times(600),
  // Two production servers and the database on 2 cores: fewer, as each costs three times a single instance's.
  twoInstances: times(200),
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

/** The CPU cases, in this process, on a realistic notify (of a payment made on the server, not yet paid), payment request and webhook body. */
async function cpuCases(target: Target, tenant: PaymentsTenant, secret: string): Promise<ResultRow[]> {
  const serialNo = await createQrPayment(target);
  const [notifyBody] = await target.paidNotifies([serialNo]);
  const event = await target.client.request('GET', '/api/v1/events?limit=1');
  if (event.status !== 200 || event.body.events[0]?.type !== 'payment.succeeded') throw new Error(`no payment.succeeded event after the warm-up callbacks: ${JSON.stringify(event.body)}`);
  const account = await loadChannelAccount(tenant.paymentId);
  log('CPU cases');
  return [
    alipayNotifyCase({ account, notifyBody: notifyBody!, serialNo, iterations: COUNTS.alipayVerify }),
    appSignatureCase({ secret, pathWithQuery: '/api/v1/payments', body: JSON.stringify(paymentRequest(tenant, { invokeMethod: 'QR' })), iterations: COUNTS.hmac }),
    webhookSignatureCase({ secret, rawBody: JSON.stringify(event.body.events[0]), iterations: COUNTS.hmac }),
  ].map((benchCase) => cpuRow(runCpuCase(benchCase)));
}

/** PayCenter against the floor, then a second production instance started for the two-instance case. */
async function httpCases(options: {
  paycenter: { server: ProductionServer; target: Target; watch: WebhookWatch };
  tenant: PaymentsTenant;
  secret: string;
  startInstance: () => Promise<ProductionServer>;
  databaseUrl: string;
}): Promise<VersusFloorRun> {
  const floorWatch = await webhookWatch();
  let floor: FloorServer | undefined;
  let second: ProductionServer | undefined;
  try {
    log('starting the floor server');
    floor = await startFloorServer({ databaseUrl: options.databaseUrl });
    const floorSide = { server: floor, target: floorTarget(floor, floorWatch), watch: floorWatch };
    await warmUp(floorSide.target, floorWatch);
    const versus = await paycenterVersusFloor({ paycenter: options.paycenter, floor: floorSide, count: COUNTS.concurrent, log });
    await floor.stop();

    log('starting a second production instance on the same database');
    second = await options.startInstance();
    const secondTarget = paycenterTarget({ baseUrl: second.baseUrl, tenant: options.tenant, secret: options.secret, watch: options.paycenter.watch });
    await warmUp(secondTarget, options.paycenter.watch);
    const first = options.paycenter.target;
    const both = await twoInstances({ one: first, two: [first, secondTarget], watch: options.paycenter.watch, count: COUNTS.twoInstances, log });
    return { rows: [...versus.rows, ...both.rows], raw: { ...versus.raw, twoInstances: both.raw }, paycenterWindows: versus.paycenterWindows };
  } finally {
    await floor?.stop();
    await second?.stop();
    await floorWatch.close();
  }
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
  if (cpuProfiling) log('BENCH_CPU_PROF=1: the first PayCenter instance runs under node --cpu-prof, which slows it; its numbers and ratios below are under the profiler');
  const needsServer = groups.has('cpu') || groups.has('http');
  if (needsServer) await ensureProductionBuild(log);
  const database = await throwawayDatabase({ givenUrl: process.env.DATABASE_URL });
  // On Ctrl-C: the servers are stopped and the throwaway database removed all the same.
  onShutdown(() => database.drop());
  const ports = await (async () => [await freePort(), await freePort()] as const)().catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  // Before anything reads env(): this process and the servers share the throwaway database and the
  // secrets (production requires them set), so what this process encrypts the servers can open.
  const benchEnv = {
    DATABASE_URL: database.url,
    PAYCENTER_DATA_DIR: database.dataDir,
    PAYCENTER_BASE_URL: `http://127.0.0.1:${ports[0]}`,
    PAYCENTER_MASTER_KEY: randomBytes(32).toString('base64'),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
    // The bench tenant's channel is a sandbox one, and the app's webhook endpoint is on this machine.
    PAYCENTER_SANDBOX: 'true',
    PAYCENTER_WEBHOOK_PRIVATE_TARGETS: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  Object.assign(process.env, benchEnv);
  connectDatabase(database.url);
  wireSandbox();
  const servers: ProductionServer[] = [];
  /** A production instance on `port`, its simulated Alipay on its own base URL; profiled with a `cpuProfileDir`. */
  const startInstance = async (port: number, cpuProfileDir?: string) => {
    log(`starting a production server on port ${port} (scripts/start.ts, as \`npm start\`)${cpuProfileDir ? ', under node --cpu-prof' : ''}`);
    const server = await startProductionServer({ port, env: { ...benchEnv, PAYCENTER_BASE_URL: `http://127.0.0.1:${port}` }, logFile: path.join(database.dataDir, `server-${port}.log`), cpuProfileDir });
    servers.push(server);
    return server;
  };
  const watch = await webhookWatch();
  try {
    log(`throwaway database ready (${database.embedded ? 'embedded cluster' : 'on DATABASE_URL server'})`);
    const server = needsServer ? await startInstance(ports[0], cpuProfiling ? path.join(database.dataDir, 'cpu-profile') : undefined) : undefined;
    const tenant = await paymentsTenant({ baseUrl: benchEnv.PAYCENTER_BASE_URL });
    const secret = await appSecretOf(tenant);
    const rows: ResultRow[] = [];
    let served: VersusFloorRun | null = null;
    if (server) {
      const paycenter = { server, target: paycenterTarget({ baseUrl: server.baseUrl, tenant, secret, watch }), watch };
      log('warm-up: payments, paid callbacks, lookups and feed requests');
      await warmUp(paycenter.target, watch);
      if (groups.has('cpu')) rows.push(...(await cpuCases(paycenter.target, tenant, secret)));
      if (groups.has('http')) {
        served = await httpCases({ paycenter, tenant, secret, startInstance: () => startInstance(ports[1]), databaseUrl: database.url });
        rows.push(...served.rows);
      }
    }
    // Before the reconciliation day: the first refresh rebuilds every company's history, which should be the analytics company's.
    const analytics = groups.has('analytics') ? await analyticsCase({ tenant, payments: COUNTS.analyticsPayments, samples: COUNTS.analyticsSamples, log }) : null;
    if (analytics) rows.push(...analyticsRows(analytics));
    const recon = groups.has('recon') ? await reconciliation(database.dataDir, tenant, benchEnv) : null;
    if (recon) rows.push(...reconRows(recon));

    const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}`, loadAverage: os.loadavg() };
    const results = {
      startedAt: new Date(started).toISOString(),
      durationSeconds: round((Date.now() - started) / 1000, 1),
      scale,
      counts: COUNTS,
      groups: [...groups],
      profiler: cpuProfiling ? 'node --cpu-prof on the first PayCenter instance: its numbers are slower than without (summary in profile.json)' : null,
      machine,
      rows,
      raw: { ...served?.raw, reconciliation: recon, analytics },
    };
    const out = path.join(ROOT, 'bench-results', 'bench.json');
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(results, null, 2) + '\n');
    console.log(`\n${formatTable(rows)}\n`);
    if (cpuProfiling && server && served) {
      log('stopping the profiled instance so that it writes its CPU profile');
      const profile = await reportCpuProfile({ profilePath: await server.stopWithProfile(), cases: served.paycenterWindows, root: ROOT, outDir: path.dirname(out), startedAt: results.startedAt });
      console.log(`${profile}\n`);
      log(`profile summary in ${path.relative(process.cwd(), path.join(path.dirname(out), 'profile.json'))}, the raw profile beside it (paycenter.cpuprofile: DevTools or speedscope)`);
    }
    log(`done in ${results.durationSeconds} s (${machine.cpus} CPUs, node ${machine.node}, load average ${machine.loadAverage.map((load) => load.toFixed(1)).join(' ')}); results in ${path.relative(process.cwd(), out)}`);
  } catch (error) {
    for (const server of servers) console.error(`--- end of the production server's log (${server.baseUrl}) ---\n${server.logTail()}`);
    throw error;
  } finally {
    const warn = (error: unknown) => console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
    for (const server of servers) await server.stop().catch(warn);
    await watch.close().catch(warn);
    await db().$disconnect().catch(warn);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`✗ bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
