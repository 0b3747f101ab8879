import { finishPaymentSplits, finishPaymentSplitsInput } from '@/server/backend/splits/finish-payment-splits';
import { getPaymentSplits, paymentSplitsInput } from '@/server/backend/splits/get-payment-splits';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

/** A payment's splits on its dashboard page, and the staff's "finish splitting". */
export const paymentSplitsRouter = createTRPCRouter({
  get: authedProcedure.input(paymentSplitsInput).query(({ ctx, input }) => getPaymentSplits({ actor: actorOf(ctx.user), serialNo: input.serialNo })),
  finish: authedProcedure.input(finishPaymentSplitsInput).mutation(({ ctx, input }) => finishPaymentSplits({ actor: actorOf(ctx.user), serialNo: input.serialNo, request: ctx.request })),
});
