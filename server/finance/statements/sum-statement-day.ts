import type { StatementTotals } from '@/server/contract/statement';
import type { Db, Tx } from '@/server/db/client';
import type { StatementScope } from './statement-scope';

/** The whole day's counts and amounts, each over the same index range the items are read from. */
export async function sumStatementDay(client: Db | Tx, scope: StatementScope): Promise<StatementTotals> {
  const { appId, merchantId, day } = scope;
  const [payments, refunds] = await Promise.all([
    client.payment.aggregate({
      where: { appId, merchantId, status: 'SUCCEEDED', paidAt: { gte: day.start, lt: day.end } },
      _count: { _all: true },
      _sum: { amount: true },
    }),
    client.refund.aggregate({
      where: { appId, merchantId, status: 'SUCCEEDED', succeededAt: { gte: day.start, lt: day.end } },
      _count: { _all: true },
      _sum: { amount: true },
    }),
  ]);
  const paid = payments._sum.amount ?? 0;
  const refunded = refunds._sum.amount ?? 0;
  return {
    payments: { count: payments._count._all, amount: paid },
    refunds: { count: refunds._count._all, amount: refunded },
    net: paid - refunded,
  };
}
