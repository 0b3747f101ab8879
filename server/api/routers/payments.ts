import { z } from 'zod';
import { getPaymentDetail, getPaymentDetailInput } from '@/server/backend/payments/get-payment-detail';
import { listPayments, listPaymentsInput } from '@/server/backend/payments/list-payments';
import { createStaffRefund } from '@/server/backend/refunds/create-staff-refund';
import { toRefundObject } from '@/server/contract/refund';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

/** A staff refund from the dashboard: the service checks the role, the company and the refundable amount. */
const refundInput = z.object({
  serialNo: z.string().trim().min(1).max(64),
  // Fen; the column is a 32-bit integer, and the service caps it at the refundable amount anyway.
  amount: z.number().int().positive().max(2_147_483_647),
  reason: z.string().trim().max(256).optional(),
});

export const paymentsRouter = createTRPCRouter({
  list: authedProcedure.input(listPaymentsInput).query(({ ctx, input }) => listPayments({ actor: actorOf(ctx.user), input })),
  get: authedProcedure.input(getPaymentDetailInput).query(({ ctx, input }) => getPaymentDetail({ actor: actorOf(ctx.user), serialNo: input.serialNo })),
  refund: authedProcedure.input(refundInput).mutation(async ({ ctx, input }) => {
    const result = await createStaffRefund({ actor: actorOf(ctx.user), serialNo: input.serialNo, amount: input.amount, reason: input.reason || null, request: ctx.request });
    return { created: result.created, refund: toRefundObject(result.refund) };
  }),
});
