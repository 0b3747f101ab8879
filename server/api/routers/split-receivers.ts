import { z } from 'zod';
import {
  listSplitReceivers,
  registerSplitReceiver,
  registerSplitReceiverInput,
  removeSplitReceiver,
  removeSplitReceiverInput,
} from '@/server/backend/splits/split-receivers';
import { updateSplitSettings, updateSplitSettingsInput } from '@/server/backend/splits/update-split-settings';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

export const splitReceiversRouter = createTRPCRouter({
  list: authedProcedure.input(z.object({ paymentId: z.string().max(64) })).query(({ ctx, input }) => listSplitReceivers({ actor: actorOf(ctx.user), paymentId: input.paymentId })),
  register: authedProcedure.input(registerSplitReceiverInput).mutation(({ ctx, input }) => registerSplitReceiver({ actor: actorOf(ctx.user), input, request: ctx.request })),
  remove: authedProcedure.input(removeSplitReceiverInput).mutation(({ ctx, input }) => removeSplitReceiver({ actor: actorOf(ctx.user), input, request: ctx.request })),
  updateSettings: authedProcedure.input(updateSplitSettingsInput).mutation(({ ctx, input }) => updateSplitSettings({ actor: actorOf(ctx.user), input, request: ctx.request })),
});
