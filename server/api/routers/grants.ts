import { grantInput, grantMerchant, revokeGrant } from '@/server/backend/grants/grant-merchant';
import { listGrants, listGrantsInput } from '@/server/backend/grants/list-grants';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

export const grantsRouter = createTRPCRouter({
  list: authedProcedure.input(listGrantsInput).query(({ ctx, input }) => listGrants({ actor: actorOf(ctx.user), input })),
  grant: authedProcedure.input(grantInput).mutation(({ ctx, input }) => grantMerchant({ actor: actorOf(ctx.user), input, request: ctx.request })),
  revoke: authedProcedure.input(grantInput).mutation(({ ctx, input }) => revokeGrant({ actor: actorOf(ctx.user), input, request: ctx.request })),
});
