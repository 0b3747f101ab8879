import type { z } from 'zod';
import { db } from '@/server/db/client';
import { assertCan } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { listQuery, paging, readPage } from '@/server/backend/lists/list-query';
import { effectiveStatus } from '@/server/contract/payment';
import { paymentFilters, paymentsWhere } from './payments-where';

export const listPaymentsInput = listQuery(['createdAt', 'amount'] as const).extend(paymentFilters.shape);

/** Payment attempts in the actor's scope that the filters select (see `paymentsWhere`), newest first. */
export async function listPayments(options: { actor: Actor; input: z.infer<typeof listPaymentsInput>; now?: Date }) {
  assertCan(options.actor, 'payment.read');
  const { input } = options;
  const now = options.now ?? new Date();
  const where = paymentsWhere({ actor: options.actor, filters: input, now });
  const page = await readPage(
    input,
    db().payment.findMany({
      where,
      // serialNo breaks ties so paging never repeats or skips a row created in the same millisecond.
      orderBy: [{ [input.sortBy]: input.sortDir }, { serialNo: input.sortDir }],
      ...paging(input),
      select: {
        serialNo: true,
        amount: true,
        refundedAmount: true,
        status: true,
        expiresAt: true,
        channel: true,
        invokeMethod: true,
        channelTradeNo: true,
        livemode: true,
        subject: true,
        createdAt: true,
        paidAt: true,
        order: { select: { orderNo: true, app: { select: { id: true, name: true } }, merchant: { select: { id: true, name: true, company: { select: { id: true, name: true } } } } } },
      },
    }),
    db().payment.count({ where }),
  );
  const items = page.items.map(({ order, expiresAt, status, ...payment }) => ({
    ...payment,
    status: effectiveStatus({ status, expiresAt }, now),
    orderNo: order.orderNo,
    app: order.app,
    merchant: { id: order.merchant.id, name: order.merchant.name },
    company: order.merchant.company,
  }));
  return { ...page, items };
}
