// The analytics case: a company with N payments over 400 days (20 merchants × 3 apps × 3 channels × 4
// invoke methods, 5 % failed, 5 % closed, 5 % refunded), made by PostgreSQL itself (generate_series, no row
// shipped from Node, not timed). Timed: the first refresh of the daily rollups (all history), an
// incremental refresh after 1,000 changes, and the overview's read of 30 days, each checked against the
// raw tables, and a single indexed lookup (a payment by serial number) as the baseline.
import { performance } from 'node:perf_hooks';
import { makeCompany } from '@/server/testing/fixtures';
import type { PaymentsTenant } from '@/server/testing/payments-api';
import { db } from '@/server/db/client';
import { addDays, beijingDay } from '@/server/gateway/beijing-time';
import { readOverview } from '@/server/finance/analytics/read-overview';
import { refreshDailyRollups } from '@/server/finance/analytics/refresh-daily-rollups';
import type { ResultRow } from './report';
import { round, summarizeLatencies, type LatencySummary } from './stats';

const DAYS = 400;
const MERCHANTS = 20;
const APPS = 3;
const NEW_PAYMENTS = 900;
const NEW_REFUNDS = 100;

export interface AnalyticsResult {
  payments: number;
  companyDays: number;
  fullScanMs: number;
  rebuildMs: number;
  incremental: { ms: number; companyDays: number };
  lookup: LatencySummary;
  overview: LatencySummary;
}

// One formula per payment number i, shared by its order, its attempt and its refund.
const AMOUNT = '(100 + (i::bigint * 7919) % 50000)::int';
const STATUS = "(CASE i % 20 WHEN 0 THEN 'FAILED' WHEN 1 THEN 'CLOSED' ELSE 'SUCCEEDED' END)";
const serialOf = (i: number) => `BP${String(i).padStart(12, '0')}`;
const SERIAL = "'BP' || lpad(i::text, 12, '0')";

/** Orders and their one attempt for i in [from, to], created at `createdAt` (an SQL expression of i and $1, the run's start). */
async function insertPayments(companyId: string, range: { from: number; to: number }, createdAt: string, now: Date): Promise<void> {
  const created = `(${createdAt})`;
  const paidAt = `CASE WHEN ${STATUS} = 'SUCCEEDED' THEN ${created} + interval '30 seconds' END`;
  const failedAt = `CASE WHEN ${STATUS} = 'FAILED' THEN ${created} + interval '1 minute' END`;
  const keys = `'bench_app_' || (i / ${MERCHANTS}) % ${APPS}, 'bench_mch_' || i % ${MERCHANTS}, '${companyId}'`;
  const series = `FROM generate_series(${range.from}, ${range.to}) AS i`;
  await db().$executeRawUnsafe(
    `INSERT INTO "Order" (id, "appId", "merchantId", "companyId", "orderNo", amount, subject, status, "paidSerialNo", "lastAttemptAt", "createdAt", "updatedAt")
     SELECT 'bench_ord_' || i, ${keys}, 'BENCH-' || i, ${AMOUNT}, '物业费', CASE WHEN ${STATUS} = 'SUCCEEDED' THEN 'PAID' ELSE 'OPEN' END::"OrderStatus",
       CASE WHEN ${STATUS} = 'SUCCEEDED' THEN ${SERIAL} END, ${created}, ${created}, ${created}
     ${series}`,
    now,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO "Payment" ("serialNo", "orderId", "appId", "merchantId", "companyId", channel, "invokeMethod", "executionMethod", amount, subject, status,
       livemode, metadata, "requestHash", "expiresAt", "paidAt", "failedAt", "failureCode", "closedAt", "createdAt", "updatedAt")
     SELECT ${SERIAL}, 'bench_ord_' || i, ${keys},
       (ARRAY['ALIPAY', 'WECHATPAY', 'EASYPAY'])[(i / ${MERCHANTS * APPS}) % 3 + 1]::"Channel",
       (ARRAY['QR', 'WAP', 'PC', 'APP'])[(i / ${MERCHANTS * APPS * 3}) % 4 + 1]::"InvokeMethod", 'bench', ${AMOUNT}, '物业费', ${STATUS}::"PaymentStatus",
       false, '{}', ${SERIAL}, ${created} + interval '15 minutes', ${paidAt}, ${failedAt},
       CASE WHEN ${STATUS} = 'FAILED' THEN (ARRAY['ACQ.TRADE_HAS_CLOSE', 'NOTENOUGH', 'USERPAYING'])[(i / 20) % 3 + 1] END,
       CASE WHEN ${STATUS} = 'CLOSED' THEN ${created} + interval '15 minutes' END, ${created}, ${created} + interval '15 minutes'
     ${series}`,
    now,
  );
}

/**
 * Refunds of the payments numbered by `numbers` (a set of i, SUCCEEDED ones), `succeededAt` an SQL expression
 * that may use the payment p; the payments' counters and updatedAt move as the core moves them.
 */
async function insertRefunds(numbers: string, succeededAt: string): Promise<void> {
  await db().$executeRawUnsafe(`
    INSERT INTO "Refund" ("refundSerialNo", "refundNo", "serialNo", "appId", "merchantId", "companyId", amount, status, initiator, "succeededAt", "createdAt", "updatedAt")
    SELECT 'BR' || lpad(i::text, 12, '0'), 'BENCH-R' || i, p."serialNo", p."appId", p."merchantId", p."companyId",
      CASE WHEN i % 40 = 2 THEN p.amount / 2 ELSE p.amount END, 'SUCCEEDED', 'APP', ${succeededAt}, ${succeededAt}, ${succeededAt}
    FROM ${numbers} AS numbers (i) JOIN "Payment" p ON p."serialNo" = ${SERIAL}`);
  await db().$executeRawUnsafe(`
    UPDATE "Payment" p SET "refundedAmount" = r.amount, "refundReservedAmount" = r.amount, "updatedAt" = r."succeededAt"
    FROM "Refund" r WHERE r."serialNo" = p."serialNo" AND r."refundSerialNo" IN (SELECT 'BR' || lpad(i::text, 12, '0') FROM ${numbers} AS numbers (i))`);
}

/** A company of the given size: its merchants and apps, N payments over 400 days, 5 % of them refunded. */
async function seed(options: { tenant: PaymentsTenant; payments: number; now: Date; log: (message: string) => void }): Promise<string> {
  const { payments, now } = options;
  const companyId = (await makeCompany(options.tenant.admin, '物业 bench analytics')).id;
  await db().$executeRawUnsafe(`INSERT INTO "Merchant" (id, "companyId", name, "updatedAt") SELECT 'bench_mch_' || m, '${companyId}', '小区 ' || m, now() FROM generate_series(0, ${MERCHANTS - 1}) AS m`);
  await db().$executeRawUnsafe(`INSERT INTO "App" (id, name, "ipAllowlist", "returnOrigins", "updatedAt") SELECT 'bench_app_' || a, '缴费 ' || a, '{}', '{}', now() FROM generate_series(0, ${APPS - 1}) AS a`);
  options.log(`analytics: making ${payments.toLocaleString('en-US')} orders and payments over ${DAYS} days (not timed)`);
  // Day i % 400 before an hour ago, at a time of day spread by i.
  await insertPayments(companyId, { from: 1, to: payments }, `$1::timestamptz - interval '1 hour' - (i % ${DAYS}) * interval '1 day' - ((i::bigint * 7919) % 82800) * interval '1 second'`, now);
  options.log('analytics: refunding 5 % of them (not timed)');
  // Every i ≡ 2 (mod 20) is SUCCEEDED: refunded within the hour after its payment, half of them in part.
  await insertRefunds(`generate_series(2, ${payments}, 20)`, `p."paidAt" + (i % 50) * interval '1 minute'`);
  await db().$executeRawUnsafe('ANALYZE "Order", "Payment", "Refund"');
  return companyId;
}

/** The rollups' totals of the company equal the raw tables' (a wrong rebuild fails the run). */
async function checkTotals(companyId: string): Promise<void> {
  const [rollups] = await db().$queryRawUnsafe<Array<Record<string, string>>>(
    `SELECT sum(orders)::text AS orders, sum(attempts)::text AS attempts, sum("succeededAmount")::text AS paid, sum("failedCount")::text AS failed, sum("refundAmount")::text AS refunded
     FROM "DailyRollup" WHERE "companyId" = $1`,
    companyId,
  );
  const [raw] = await db().$queryRawUnsafe<Array<Record<string, string>>>(
    `SELECT (SELECT count(*) FROM "Order" WHERE "companyId" = $1)::text AS orders, count(*)::text AS attempts,
       sum(amount) FILTER (WHERE "paidAt" IS NOT NULL)::text AS paid, count(*) FILTER (WHERE "failedAt" IS NOT NULL)::text AS failed,
       (SELECT sum(amount) FROM "Refund" WHERE "companyId" = $1 AND status = 'SUCCEEDED')::text AS refunded
     FROM "Payment" WHERE "companyId" = $1`,
    companyId,
  );
  if (JSON.stringify(rollups) !== JSON.stringify(raw)) throw new Error(`the rollups do not add up to the raw tables: ${JSON.stringify(rollups)} ≠ ${JSON.stringify(raw)}`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

export async function analyticsCase(options: { tenant: PaymentsTenant; payments: number; samples: number; log: (message: string) => void }): Promise<AnalyticsResult> {
  const { payments, log } = options;
  const now = new Date();
  const companyId = await seed({ tenant: options.tenant, payments, now, log });

  log('analytics: first refresh, every day of history rebuilt');
  const fullScan = await timed(() => db().$queryRawUnsafe('SELECT count(*) FROM "Payment"'));
  const rebuild = await timed(() => refreshDailyRollups({ now: new Date() }));
  await checkTotals(companyId);

  log(`analytics: ${NEW_PAYMENTS} new payments and ${NEW_REFUNDS} refunds of the last week's, then an incremental refresh`);
  const at = new Date();
  await insertPayments(companyId, { from: payments + 1, to: payments + NEW_PAYMENTS }, `$1::timestamptz - (i % 60) * interval '1 second'`, at);
  // SUCCEEDED payments of the last 7 days not refunded yet: i ≡ 3 (mod 20) and i % 400 < 7.
  await insertRefunds(`(SELECT 400 * k + 3 FROM generate_series(0, ${NEW_REFUNDS - 1}) AS k WHERE 400 * k + 3 <= ${payments})`, 'now()');
  const incremental = await timed(() => refreshDailyRollups({ now: new Date() }));
  await checkTotals(companyId);

  log(`analytics: the overview's 30 days against a payment found by serial number, ${options.samples} of each, interleaved`);
  const today = beijingDay(new Date());
  const lookupMs: number[] = [];
  const overviewMs: number[] = [];
  for (let k = 0; k < options.samples; k++) {
    const serialNo = serialOf(1 + ((k * 104_729) % payments));
    const lookup = await timed(() => db().payment.findUnique({ where: { serialNo } }));
    if (!lookup.result) throw new Error(`payment ${serialNo} not found`);
    lookupMs.push(lookup.ms);
    const overview = await timed(() => readOverview({ companyIds: [companyId], from: addDays(today, -29), to: today }));
    if (overview.result.days.length !== 30 || overview.result.totals.collected <= 0) throw new Error(`the overview read nothing: ${JSON.stringify(overview.result.totals)}`);
    overviewMs.push(overview.ms);
  }
  return {
    payments,
    companyDays: rebuild.result.days,
    fullScanMs: fullScan.ms,
    rebuildMs: rebuild.ms,
    incremental: { ms: incremental.ms, companyDays: incremental.result.days },
    lookup: summarizeLatencies(lookupMs),
    overview: summarizeLatencies(overviewMs),
  };
}

const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(2)} ms`);

export function analyticsRows(result: AnalyticsResult): ResultRow[] {
  const { lookup, overview, incremental } = result;
  const lookupCase = 'a payment by serial number (primary key), p50';
  return [
    {
      group: 'analytics',
      case: `first rollup refresh: ${result.payments.toLocaleString('en-US')} payments, ${result.companyDays} company-days rebuilt`,
      baselineCase: 'count(*) of every payment (one sequential scan)',
      baseline: ms(result.fullScanMs),
      measured: ms(result.rebuildMs),
      ratio: round(result.rebuildMs / result.fullScanMs),
    },
    {
      group: 'analytics',
      case: `incremental rollup refresh after ${NEW_PAYMENTS} new payments and ${NEW_REFUNDS} refunds (${incremental.companyDays} company-days rebuilt)`,
      baselineCase: lookupCase,
      baseline: ms(lookup.p50Ms),
      measured: ms(incremental.ms),
      ratio: round(incremental.ms / lookup.p50Ms),
    },
    {
      group: 'analytics',
      case: "overview read (readOverview): the company's last 30 days, with the previous 30, by day, channel, method, app and failure code",
      baselineCase: lookupCase,
      baseline: ms(lookup.p50Ms),
      measured: ms(overview.p50Ms),
      ratio: round(overview.p50Ms / lookup.p50Ms),
      p50Ms: round(overview.p50Ms),
      p95Ms: round(overview.p95Ms),
    },
  ];
}
