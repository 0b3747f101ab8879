// The HTTP cases: PayCenter's production server against the floor server, the same operations in
// alternating chunks at concurrency 8, then two production instances on one database.
import { db } from '@/server/db/client';
import { openAppSecret } from '@/server/security/app-secret';
import { appApiClient } from '@/server/testing/app-api-client';
import { paidTradeNotify, type PaymentsTenant } from '@/server/testing/payments-api';
import type { ProfiledCase } from './cpu-profile';
import type { FloorServer } from './floor/start-floor';
import { concurrent, concurrentPaired, createQrPayment, deliverNotify, feedRequest, lookupRequest, pooled, type Operation, type PairedThroughput, type Target, type Throughput } from './http-cases';
import type { ProductionServer } from './production-server';
import { megabytes, perSecond, type ResultRow } from './report';
import { round, type LatencySummary } from './stats';
import type { WebhookWatch } from './webhook-watch';

export const CONCURRENCY = 8;
const WARM_UP = 20;

export function paycenterTarget(options: { baseUrl: string; tenant: PaymentsTenant; secret: string; watch: WebhookWatch }): Target {
  const { tenant } = options;
  return {
    baseUrl: options.baseUrl,
    client: appApiClient({ baseUrl: options.baseUrl, appId: tenant.app.id, secret: options.secret }),
    merchantId: tenant.merchantId,
    paymentId: tenant.paymentId,
    notifyUrl: options.watch.url,
    paidNotifies: async (serialNos) => {
      // A real buyer's callback comes seconds after creation, long before the first active query
      // (+1 min); the bench's payments wait minutes. Postponed, so the query job cannot settle a
      // paid trade before its callback and turn the callback case into re-deliveries.
      await db().payment.updateMany({ where: { serialNo: { in: [...serialNos] }, status: 'PENDING' }, data: { nextQueryAt: new Date(Date.now() + 3600_000) } });
      return pooled(serialNos, 4, (serialNo) => paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo }));
    },
  };
}

export function floorTarget(floor: FloorServer, watch: WebhookWatch): Target {
  return {
    baseUrl: floor.baseUrl,
    client: appApiClient({ baseUrl: floor.baseUrl, appId: floor.appId, secret: floor.secret }),
    merchantId: floor.merchantId,
    paymentId: floor.paymentId,
    notifyUrl: watch.url,
    paidNotifies: (serialNos) =>
      pooled(serialNos, 4, async (serialNo) => {
        const response = await fetch(`${floor.baseUrl}/alipay/pay/${serialNo}`, { method: 'POST' });
        if (!response.ok) throw new Error(`floor Alipay could not pay ${serialNo}: HTTP ${response.status}`);
        return response.text();
      }),
  };
}

/** The app's secret as the bench's clients sign with it. */
export async function appSecretOf(tenant: PaymentsTenant): Promise<string> {
  return openAppSecret(await db().appSecret.findFirstOrThrow({ where: { appId: tenant.app.id, revokedAt: null } }));
}

/** Paid callbacks of `serialNos`, the `index`th sent to `targets[index % targets.length]`, each noted with the watch first. */
function callbacks(serialNos: readonly string[], notifies: readonly string[], watch: WebhookWatch, targets: readonly Target[]): Operation {
  return async (index) => {
    watch.callbackSent(serialNos[index]!);
    await deliverNotify(targets[index % targets.length]!, notifies[index]!);
  };
}

/** Each of `serialNos` SUCCEEDED at PayCenter, its order PAID, and no other attempt made for these orders. */
async function expectPaidOnce(serialNos: readonly string[]): Promise<void> {
  const payments = await db().payment.findMany({ where: { serialNo: { in: [...serialNos] } }, select: { status: true, orderId: true } });
  const succeeded = payments.filter((payment) => payment.status === 'SUCCEEDED').length;
  const attempts = await db().payment.count({ where: { orderId: { in: payments.map((payment) => payment.orderId) } } });
  const paidOrders = await db().order.count({ where: { id: { in: payments.map((payment) => payment.orderId) }, status: 'PAID' } });
  if (succeeded !== serialNos.length || attempts !== serialNos.length || paidOrders !== serialNos.length) {
    throw new Error(`${serialNos.length} payments paid by callback: ${succeeded} SUCCEEDED, ${attempts} attempts, ${paidOrders} orders PAID`);
  }
}

/** Route modules loaded, keys parsed, pools open: sequential then concurrent payments, paid; feed and lookups. */
export async function warmUp(target: Target, watch: WebhookWatch): Promise<void> {
  const serialNos: string[] = [];
  for (let i = 0; i < WARM_UP; i++) serialNos.push(await createQrPayment(target));
  await concurrent(CONCURRENCY * 2, CONCURRENCY, async () => void serialNos.push(await createQrPayment(target)));
  await concurrent(serialNos.length, CONCURRENCY, callbacks(serialNos, await target.paidNotifies(serialNos), watch, [target]));
  await watch.expectOnceEach(serialNos);
  await concurrent(serialNos.length, CONCURRENCY, lookupRequest(target, serialNos));
  await concurrent(WARM_UP, CONCURRENCY, feedRequest(target));
}

const latency = (summary: LatencySummary) => `p50 ${summary.p50Ms.toFixed(1)} / p95 ${summary.p95Ms.toFixed(1)} ms`;

function versusFloor(name: string, { baseline, measured }: PairedThroughput): ResultRow {
  return {
    group: 'http',
    case: `${name}, ${measured.concurrency} concurrent`,
    baselineCase: `the floor server, same operation, in alternating chunks`,
    baseline: `${perSecond(baseline.perSecond)}, ${latency(baseline.latency)}`,
    measured: perSecond(measured.perSecond),
    ratio: round(measured.perSecond / baseline.perSecond),
    p50Ms: round(measured.latency.p50Ms),
    p95Ms: round(measured.latency.p95Ms),
  };
}

export interface HttpRun {
  rows: ResultRow[];
  raw: Record<string, PairedThroughput | Record<string, unknown>>;
}

/** The cases against the floor, with when PayCenter's chunks of each ran (to cut its CPU profile by). */
export interface VersusFloorRun extends HttpRun {
  paycenterWindows: ProfiledCase[];
}

/** PayCenter (one production instance) against the floor: payments, lookups, the feed, paid callbacks and their webhooks. */
export async function paycenterVersusFloor(options: {
  paycenter: { server: ProductionServer; target: Target; watch: WebhookWatch };
  floor: { server: FloorServer; target: Target; watch: WebhookWatch };
  count: number;
  log: (message: string) => void;
}): Promise<VersusFloorRun> {
  const { paycenter, floor, count, log } = options;
  const idle = { paycenter: paycenter.server.rss(), floor: floor.server.rss() };
  const peak = { paycenter: 0, floor: 0 };
  /** A paired run with both servers' peak RSS noted. */
  const paired = async (baseline: Operation, measured: Operation): Promise<PairedThroughput> => {
    const run = await paycenter.server.measurePeakRss(() => floor.server.measurePeakRss(() => concurrentPaired(count, CONCURRENCY, baseline, measured)));
    peak.paycenter = Math.max(peak.paycenter, run.peakRss);
    peak.floor = Math.max(peak.floor, run.result.peakRss);
    return run.result.result;
  };
  const created = { paycenter: [] as string[], floor: [] as string[] };
  const create = (target: Target, into: string[]) => async () => void into.push(await createQrPayment(target));

  log(`concurrency ${CONCURRENCY}: ${count} payments on each server, in alternating chunks`);
  const payments = await paired(create(floor.target, created.floor), create(paycenter.target, created.paycenter));
  log(`concurrency ${CONCURRENCY}: ${count} lookups by serial number on each`);
  const lookups = await paired(lookupRequest(floor.target, created.floor), lookupRequest(paycenter.target, created.paycenter));
  log(`concurrency ${CONCURRENCY}: ${count} feed requests on each`);
  const feed = await paired(feedRequest(floor.target), feedRequest(paycenter.target));
  log(`preparing ${count} signed paid notifies for each (not timed)`);
  const notifies = { paycenter: await paycenter.target.paidNotifies(created.paycenter), floor: await floor.target.paidNotifies(created.floor) };
  log(`concurrency ${CONCURRENCY}: ${count} paid callbacks on each, every one's webhook awaited at the app`);
  const paidCallbacks = await paired(
    callbacks(created.floor, notifies.floor, floor.watch, [floor.target]),
    callbacks(created.paycenter, notifies.paycenter, paycenter.watch, [paycenter.target]),
  );
  await paycenter.watch.expectOnceEach(created.paycenter);
  await floor.watch.expectOnceEach(created.floor);
  await expectPaidOnce(created.paycenter);
  const webhooks = { paycenter: paycenter.watch.latency(created.paycenter), floor: floor.watch.latency(created.floor) };

  const rows: ResultRow[] = [
    versusFloor('POST /api/v1/payments (Alipay QR, precreate at the simulated Alipay)', payments),
    versusFloor('paid callback POST /api/channels/alipay/notify/…', paidCallbacks),
    versusFloor('GET /api/v1/payments/{serialNo}', lookups),
    versusFloor('GET /api/v1/events?limit=1', feed),
    {
      group: 'http',
      case: `paid callback → app webhook first attempt (during the callbacks above)`,
      baselineCase: 'the floor server, same path',
      baseline: latency(webhooks.floor),
      measured: latency(webhooks.paycenter),
      ratio: round(webhooks.paycenter.p50Ms / webhooks.floor.p50Ms),
      p50Ms: round(webhooks.paycenter.p50Ms),
      p95Ms: round(webhooks.paycenter.p95Ms),
    },
    { group: 'memory', case: 'production server RSS, idle (warmed up)', baselineCase: 'floor server RSS, idle', baseline: megabytes(idle.floor), measured: megabytes(idle.paycenter), ratio: round(idle.paycenter / idle.floor) },
    { group: 'memory', case: 'production server peak RSS, during the cases above', baselineCase: 'floor server peak RSS', baseline: megabytes(peak.floor), measured: megabytes(peak.paycenter), ratio: round(peak.paycenter / peak.floor) },
  ];
  const paycenterWindows = Object.entries({ 'create-payment': payments, 'paid callback': paidCallbacks, lookup: lookups, feed }).map(([name, run]) => ({ name, windows: run.measured.windows }));
  return { rows, raw: { payments, lookups, feed, paidCallbacks, webhooks, memory: { idle, peak } }, paycenterWindows };
}

/**
 * Two production instances on one database: payments made on both in turn, each paid by a callback
 * delivered to the other one; every payment must be paid exactly once and its webhook arrive once.
 * Throughput is compared with the same work on the first instance alone, in alternating chunks.
 */
export async function twoInstances(options: { one: Target; two: readonly [Target, Target]; watch: WebhookWatch; count: number; log: (message: string) => void }): Promise<HttpRun> {
  const { one, two, watch, count, log } = options;
  const created = { one: [] as string[], two: [] as string[] };
  log(`two instances: ${count} payments alternating between them, against ${count} on one instance, concurrency ${CONCURRENCY}`);
  const payments = await concurrentPaired(
    count,
    CONCURRENCY,
    async (index) => void (created.one[index] = await createQrPayment(one)),
    async (index) => void (created.two[index] = await createQrPayment(two[index % 2]!)),
  );
  // The `index`th payment was made on instance index % 2; its callback goes to the other one.
  const notifies = { one: await one.paidNotifies(created.one), two: await two[0].paidNotifies(created.two) };
  log(`two instances: ${count} paid callbacks alternating between them, against ${count} on one instance`);
  const paidCallbacks = await concurrentPaired(count, CONCURRENCY, callbacks(created.one, notifies.one, watch, [one]), callbacks(created.two, notifies.two, watch, [two[1], two[0]]));
  await watch.expectOnceEach([...created.one, ...created.two]);
  await expectPaidOnce([...created.one, ...created.two]);
  const row = (name: string, { baseline, measured }: { baseline: Throughput; measured: Throughput }): ResultRow => ({
    group: 'two-instances',
    case: `${name}, 2 production instances (alternating), ${measured.concurrency} concurrent`,
    baselineCase: 'the same on 1 instance, in alternating chunks',
    baseline: `${perSecond(baseline.perSecond)}, ${latency(baseline.latency)}`,
    measured: perSecond(measured.perSecond),
    ratio: round(measured.perSecond / baseline.perSecond),
    p50Ms: round(measured.latency.p50Ms),
    p95Ms: round(measured.latency.p95Ms),
  });
  return {
    rows: [row('POST /api/v1/payments', payments), row('paid callback', paidCallbacks)],
    raw: { payments, paidCallbacks },
  };
}
