import { db } from '@/server/db/client';
import { Prisma, type Channel, type InvokeMethod } from '@/server/db/generated/client';
import { addDays } from '@/server/gateway/beijing-time';
import { figuresOf, ZERO_SUMS, type OverviewFigures, type RollupSums } from './overview-figures';

/** The rollup's channel column: a channel, or NONE for a checkout attempt whose payer never chose one. */
export type RollupChannel = Channel | 'NONE';

/** Whose rollups to read and which Beijing days ("yyyy-MM-dd", both included). */
export interface OverviewScope {
  /** null: every company (platform admins); an empty list reads nothing. */
  companyIds: string[] | null;
  from: string;
  to: string;
  merchantId?: string;
  appId?: string;
  channel?: RollupChannel;
  livemode?: boolean;
}

export interface Overview {
  from: string;
  to: string;
  totals: OverviewFigures;
  /** The same figures for the days just before, as many as the period has. */
  previous: OverviewFigures & { from: string; to: string };
  /** Every day of the period, days without rollups as zeros. */
  days: Array<{ day: string } & OverviewFigures>;
  byChannel: Array<{ channel: RollupChannel } & OverviewFigures>;
  byInvokeMethod: Array<{ invokeMethod: InvokeMethod } & OverviewFigures>;
  byApp: Array<{ appId: string; name: string } & OverviewFigures>;
  /** The most frequent channel failure codes of the period, most frequent first. */
  failureCodes: Array<{ code: string; count: number }>;
  /**
   * How recent the figures are: the refresh's watermark (every change before it is counted), or
   * without one (rollups written by other means) when the newest rollup read was written.
   */
  updatedAt: Date | null;
}

const TOP_FAILURE_CODES = 10;

/** The DailyRollup sums in fen as int8, which the driver returns as bigint (sum of a bigint is numeric). */
const SUMS = Prisma.sql`
  sum("orders")::int8 AS "orders", sum("attempts")::int8 AS "attempts",
  sum("succeededCount")::int8 AS "succeededCount", sum("succeededAmount")::int8 AS "succeededAmount",
  sum("duplicateCount")::int8 AS "duplicateCount", sum("failedCount")::int8 AS "failedCount",
  sum("refundCount")::int8 AS "refundCount", sum("refundAmount")::int8 AS "refundAmount"`;

type SumRow = { [K in keyof RollupSums]: bigint | null };

function sumsOf(row: SumRow | undefined): RollupSums {
  if (!row) return ZERO_SUMS;
  const sums = { ...ZERO_SUMS };
  for (const key of Object.keys(ZERO_SUMS) as Array<keyof RollupSums>) sums[key] = Number(row[key] ?? 0);
  return sums;
}

function scopeWhere(scope: OverviewScope, from: string, to: string): Prisma.Sql {
  const conditions = [Prisma.sql`"day" BETWEEN ${from}::date AND ${to}::date`];
  if (scope.companyIds) conditions.push(Prisma.sql`"companyId" = ANY(${scope.companyIds}::text[])`);
  if (scope.merchantId) conditions.push(Prisma.sql`"merchantId" = ${scope.merchantId}`);
  if (scope.appId) conditions.push(Prisma.sql`"appId" = ${scope.appId}`);
  if (scope.channel) conditions.push(Prisma.sql`"channel" = ${scope.channel}`);
  if (scope.livemode !== undefined) conditions.push(Prisma.sql`"livemode" = ${scope.livemode}`);
  return Prisma.join(conditions, ' AND ');
}

/** Whole days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The dashboard overview of a period, read only from DailyRollup (a few index range scans, whatever
 * the number of payments): totals, the previous period's totals, and the period by day, channel,
 * invoke method and app, with the top failure codes.
 */
export async function readOverview(scope: OverviewScope): Promise<Overview> {
  const length = daysBetween(scope.from, scope.to).length;
  const previousFrom = addDays(scope.from, -length);
  const previousTo = addDays(scope.from, -1);
  const where = scopeWhere(scope, scope.from, scope.to);
  // One pass for every breakdown: the key columns are NOT NULL, so a NULL one marks a row of a set not grouped by it.
  const [slices, previous, failureCodes, watermark] = await Promise.all([
    db().$queryRaw<Array<SumRow & { day: string | null; channel: RollupChannel | null; invokeMethod: InvokeMethod | null; appId: string | null; updatedAt: Date | null }>>`
      SELECT to_char("day", 'YYYY-MM-DD') AS "day", "channel", "invokeMethod"::text AS "invokeMethod", "appId", ${SUMS}, max("updatedAt") AS "updatedAt"
      FROM "DailyRollup" WHERE ${where}
      GROUP BY GROUPING SETS ((), ("day"), ("channel"), ("invokeMethod"), ("appId"))`,
    db().$queryRaw<SumRow[]>`SELECT ${SUMS} FROM "DailyRollup" WHERE ${scopeWhere(scope, previousFrom, previousTo)}`,
    db().$queryRaw<Array<{ code: string; count: bigint }>>`
      SELECT f.key AS "code", sum(f.value::int8)::int8 AS "count"
      FROM "DailyRollup", jsonb_each_text("failureCodes") AS f
      WHERE ${where}
      GROUP BY f.key ORDER BY "count" DESC, f.key LIMIT ${TOP_FAILURE_CODES}`,
    db().dailyRollupWatermark.findFirst({ orderBy: { scannedTo: 'desc' }, select: { scannedTo: true } }),
  ]);

  const total = slices.find((row) => !row.day && !row.channel && !row.invokeMethod && !row.appId);
  const byDay = new Map(slices.filter((row) => row.day).map((row) => [row.day!, sumsOf(row)]));
  const descending = <T extends OverviewFigures>(rows: T[]) => rows.sort((a, b) => b.collected - a.collected || b.orders - a.orders);
  const appRows = slices.filter((row) => row.appId);
  const names = new Map(
    (await db().app.findMany({ where: { id: { in: appRows.map((row) => row.appId!) } }, select: { id: true, name: true } })).map((app) => [app.id, app.name]),
  );

  return {
    from: scope.from,
    to: scope.to,
    totals: figuresOf(sumsOf(total)),
    previous: { from: previousFrom, to: previousTo, ...figuresOf(sumsOf(previous[0])) },
    days: daysBetween(scope.from, scope.to).map((day) => ({ day, ...figuresOf(byDay.get(day) ?? ZERO_SUMS) })),
    byChannel: descending(slices.filter((row) => row.channel).map((row) => ({ channel: row.channel!, ...figuresOf(sumsOf(row)) }))),
    byInvokeMethod: descending(slices.filter((row) => row.invokeMethod).map((row) => ({ invokeMethod: row.invokeMethod!, ...figuresOf(sumsOf(row)) }))),
    byApp: descending(appRows.map((row) => ({ appId: row.appId!, name: names.get(row.appId!) ?? row.appId!, ...figuresOf(sumsOf(row)) }))),
    failureCodes: failureCodes.map((row) => ({ code: row.code, count: Number(row.count) })),
    updatedAt: watermark?.scannedTo ?? total?.updatedAt ?? null,
  };
}

/**
 * The first day any of these companies (null: any company) has rollups, whatever the filters: null
 * means no payment was ever started, which the dashboard answers with getting-started steps.
 */
export async function firstRollupDay(companyIds: string[] | null): Promise<string | null> {
  const [row] = await db().$queryRaw<Array<{ day: string | null }>>`
    SELECT to_char(min("day"), 'YYYY-MM-DD') AS "day" FROM "DailyRollup"
    WHERE ${companyIds ? Prisma.sql`"companyId" = ANY(${companyIds}::text[])` : Prisma.sql`TRUE`}`;
  return row?.day ?? null;
}
