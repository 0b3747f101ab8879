import { z } from 'zod';
import { getMerchantDetail } from '@/server/backend/channels/list-channels';
import { createMerchant, createMerchantInput } from '@/server/backend/merchants/create-merchant';
import { listMerchants, listMerchantsInput } from '@/server/backend/merchants/list-merchants';
import { setMerchantStatus, setMerchantStatusInput } from '@/server/backend/merchants/set-merchant-status';
import { updateMerchant, updateMerchantInput } from '@/server/backend/merchants/update-merchant';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

export const merchantsRouter = createTRPCRouter({
  list: authedProcedure.input(listMerchantsInput).query(({ ctx, input }) => listMerchants({ actor: actorOf(ctx.user), input })),
  get: authedProcedure.input(z.object({ merchantId: z.string().max(64) })).query(({ ctx, input }) => getMerchantDetail({ actor: actorOf(ctx.user), merchantId: input.merchantId })),
  create: authedProcedure.input(createMerchantInput).mutation(({ ctx, input }) => createMerchant({ actor: actorOf(ctx.user), input, request: ctx.request })),
  update: authedProcedure.input(updateMerchantInput).mutation(({ ctx, input }) => updateMerchant({ actor: actorOf(ctx.user), input, request: ctx.request })),
  setStatus: authedProcedure.input(setMerchantStatusInput).mutation(({ ctx, input }) => setMerchantStatus({ actor: actorOf(ctx.user), input, request: ctx.request })),
});
