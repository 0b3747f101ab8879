import { z } from 'zod';
import type { Prisma } from '@/server/db/generated/client';
import { companyFilter } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';

const PAYMENT_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED', 'CLOSED'] as const;

/** The payments list's filters, shared by the list and its exports (the search box is `listQuery`'s). */
export const paymentFilters = z.object({
  companyId: z.string().max(64).optional(),
  merchantId: z.string().max(64).optional(),
  appId: z.string().max(64).optional(),
  channel: z.enum(['ALIPAY', 'WECHATPAY', 'EASYPAY']).optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export type PaymentStatusFilter = (typeof PAYMENT_STATUSES)[number];
export type PaymentFilters = z.infer<typeof paymentFilters> & { search?: string };

/** Status as shown: a PENDING attempt past its expiry counts as CLOSED (see `effectiveStatus`). */
export function statusWhere(status: PaymentStatusFilter, now: Date): Prisma.PaymentWhereInput {
  if (status === 'PENDING') return { status: 'PENDING', expiresAt: { gt: now } };
  if (status === 'CLOSED') return { OR: [{ status: 'CLOSED' }, { status: 'PENDING', expiresAt: { lte: now } }] };
  return { status };
}

/**
 * The attempts a filter selects within the actor's scope. The search matches any of the three
 * identifiers people hold exactly: the app's orderNo, the center's serialNo, the channel's trade number.
 */
export function paymentsWhere(options: { actor: Actor; filters: PaymentFilters; now: Date }): Prisma.PaymentWhereInput {
  const { filters: input, now } = options;
  const and: Prisma.PaymentWhereInput[] = [];
  if (input.status) and.push(statusWhere(input.status, now));
  if (input.search) and.push({ OR: [{ serialNo: input.search }, { channelTradeNo: input.search }, { order: { orderNo: input.search } }] });
  return {
    ...(input.companyId ? { companyId: input.companyId } : {}),
    ...companyFilter(options.actor),
    ...(input.merchantId ? { merchantId: input.merchantId } : {}),
    ...(input.appId ? { appId: input.appId } : {}),
    ...(input.channel ? { channel: input.channel } : {}),
    ...(input.from || input.to ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } } : {}),
    ...(and.length > 0 ? { AND: and } : {}),
  };
}
