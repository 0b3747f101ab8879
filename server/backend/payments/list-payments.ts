import { z } from 'zod';
import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';
import { assertCan, companyFilter } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { listQuery, paging, readPage } from '@/server/backend/lists/list-query';
import { effectiveStatus } from '@/server/contract/payment';

const PAYMENT_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED', 'CLOSED'] as const;

export const listPaymentsInput = listQuery(['createdAt', 'amount'] as const).extend({
  companyId: z.string().max(64).optional(),
  merchantId: z.string().max(64).optional(),
  appId: z.string().max(64).optional(),
  channel: z.enum(['ALIPAY', 'WECHATPAY', 'EASYPAY']).optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export type PaymentStatusFilter = (typeof PAYMENT_STATUSES)[number];

/** Status as shown: a PENDING attempt past its expiry counts as CLOSED (see `effectiveStatus`). */
export function statusWhere(status: PaymentStatusFilter, now: Date): Prisma.PaymentWhereInput {
  if (status === 'PENDING') return { status: 'PENDING', expiresAt: { gt: now } };
  if (status === 'CLOSED') return { OR: [{ status: 'CLOSED' }, { status: 'PENDING', expiresAt: { lte: now } }] };
  return { status };
}

/**
 * Payment attempts in the actor's scope, newest first. The search box matches any of the three
 * identifiers people hold exactly: the app's orderNo, the center's serialNo, the channel's trade number.
 */
export async function listPayments(options: { actor: Actor; input: z.infer<typeof listPaymentsInput>; now?: Date }) {
  assertCan(options.actor, 'payment.read');
  const { input } = options;
  const now = options.now ?? new Date();
  const and: Prisma.PaymentWhereInput[] = [];
  if (input.status) and.push(statusWhere(input.status, now));
  if (input.search) and.push({ OR: [{ serialNo: input.search }, { channelTradeNo: input.search }, { order: { orderNo: input.search } }] });
  const where: Prisma.PaymentWhereInput = {
    ...(input.companyId ? { companyId: input.companyId } : {}),
    ...companyFilter(options.actor),
    ...(input.merchantId ? { merchantId: input.merchantId } : {}),
    ...(input.appId ? { appId: input.appId } : {}),
    ...(input.channel ? { channel: input.channel } : {}),
    ...(input.from || input.to ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } } : {}),
    ...(and.length > 0 ? { AND: and } : {}),
  };
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
