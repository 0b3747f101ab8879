// For tests: the DailyRollup rows recounted in TypeScript from every raw row read with Prisma, by the column
// comments' definitions, independently of the SQL that maintains them; and the rows as stored, alike.
import { db } from '@/server/db/client';
import type { Payment } from '@/server/db/generated/client';
import { beijingDay } from '@/server/gateway/beijing-time';

export interface RollupTally {
  orders: number;
  attempts: number;
  succeededCount: number;
  succeededAmount: number;
  duplicateCount: number;
  duplicateAmount: number;
  failedCount: number;
  failureCodes: Record<string, number>;
  refundCount: number;
  refundAmount: number;
  splitCount: number;
  splitAmount: number;
}

/** "company|day|merchant|app|channel|method|livemode" → its tally. */
export type Rollups = Record<string, RollupTally>;

interface KeyFields {
  merchantId: string;
  appId: string;
  channel: string | null;
  invokeMethod: string;
  livemode: boolean;
}

const keyOf = (companyId: string, day: string, p: KeyFields) => [companyId, day, p.merchantId, p.appId, p.channel ?? 'NONE', p.invokeMethod, String(p.livemode)].join('|');

const empty = (): RollupTally => ({
  orders: 0,
  attempts: 0,
  succeededCount: 0,
  succeededAmount: 0,
  duplicateCount: 0,
  duplicateAmount: 0,
  failedCount: 0,
  failureCodes: {},
  refundCount: 0,
  refundAmount: 0,
  splitCount: 0,
  splitAmount: 0,
});

const sorted = (rollups: Rollups): Rollups => Object.fromEntries(Object.entries(rollups).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export async function recountRollups(): Promise<Rollups> {
  const [orders, payments, refunds, splits] = await Promise.all([
    db().order.findMany(),
    db().payment.findMany(),
    db().refund.findMany({ where: { status: 'SUCCEEDED' } }),
    db().split.findMany({ where: { status: 'SUCCEEDED' } }),
  ]);
  const rollups: Rollups = {};
  const add = (companyId: string, at: Date, payment: KeyFields, count: (tally: RollupTally) => void) => count((rollups[keyOf(companyId, beijingDay(at), payment)] ??= empty()));
  const bySerialNo = new Map(payments.map((p) => [p.serialNo, p]));
  const firstAttempt = new Map<string, Payment>();
  for (const p of payments) {
    const first = firstAttempt.get(p.orderId);
    if (!first || p.createdAt < first.createdAt || (p.createdAt.getTime() === first.createdAt.getTime() && p.serialNo < first.serialNo)) firstAttempt.set(p.orderId, p);
  }
  for (const order of orders) {
    const first = firstAttempt.get(order.id);
    if (first) add(order.companyId, order.createdAt, first, (t) => t.orders++);
  }
  for (const p of payments) {
    add(p.companyId, p.createdAt, p, (t) => t.attempts++);
    if (p.paidAt) {
      add(p.companyId, p.paidAt, p, (t) => {
        t.succeededCount++;
        t.succeededAmount += p.amount;
        if (p.duplicateOf) {
          t.duplicateCount++;
          t.duplicateAmount += p.amount;
        }
      });
    }
    // An attempt paid after it had failed (a late callback) keeps its failedAt but is a success, not a failure.
    if (p.failedAt && p.status === 'FAILED') {
      const code = p.failureCode ?? 'UNKNOWN';
      add(p.companyId, p.failedAt, p, (t) => {
        t.failedCount++;
        t.failureCodes[code] = (t.failureCodes[code] ?? 0) + 1;
      });
    }
  }
  for (const r of refunds) {
    add(r.companyId, r.succeededAt!, bySerialNo.get(r.serialNo)!, (t) => {
      t.refundCount++;
      t.refundAmount += r.amount;
    });
  }
  for (const s of splits) {
    add(s.companyId, s.finishedAt!, bySerialNo.get(s.serialNo)!, (t) => {
      t.splitCount++;
      t.splitAmount += s.amount;
    });
  }
  return sorted(rollups);
}

/** The DailyRollup rows as stored, keyed and shaped like the recount. */
export async function storedRollups(): Promise<Rollups> {
  const rows = await db().dailyRollup.findMany();
  return sorted(
    Object.fromEntries(
      rows.map((row) => [
        keyOf(row.companyId, row.day.toISOString().slice(0, 10), row),
        {
          orders: row.orders,
          attempts: row.attempts,
          succeededCount: row.succeededCount,
          succeededAmount: Number(row.succeededAmount),
          duplicateCount: row.duplicateCount,
          duplicateAmount: Number(row.duplicateAmount),
          failedCount: row.failedCount,
          failureCodes: row.failureCodes as Record<string, number>,
          refundCount: row.refundCount,
          refundAmount: Number(row.refundAmount),
          splitCount: row.splitCount,
          splitAmount: Number(row.splitAmount),
        },
      ]),
    ),
  );
}
