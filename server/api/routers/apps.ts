import { z } from 'zod';
import { getApp, listApps, listAppsInput } from '@/server/backend/apps/list-apps';
import { registerApp, registerAppInput } from '@/server/backend/apps/register-app';
import { revokeAppSecret, revokeAppSecretInput, rotateAppSecret, rotateAppSecretInput } from '@/server/backend/apps/rotate-app-secret';
import { setAppStatus, setAppStatusInput } from '@/server/backend/apps/set-app-status';
import { updateApp, updateAppInput } from '@/server/backend/apps/update-app';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

export const appsRouter = createTRPCRouter({
  list: authedProcedure.input(listAppsInput).query(({ ctx, input }) => listApps({ actor: actorOf(ctx.user), input })),
  get: authedProcedure.input(z.object({ appId: z.string().max(64) })).query(({ ctx, input }) => getApp({ actor: actorOf(ctx.user), appId: input.appId })),
  register: authedProcedure.input(registerAppInput).mutation(({ ctx, input }) => registerApp({ actor: actorOf(ctx.user), input, request: ctx.request })),
  update: authedProcedure.input(updateAppInput).mutation(({ ctx, input }) => updateApp({ actor: actorOf(ctx.user), input, request: ctx.request })),
  setStatus: authedProcedure.input(setAppStatusInput).mutation(({ ctx, input }) => setAppStatus({ actor: actorOf(ctx.user), input, request: ctx.request })),
  rotateSecret: authedProcedure.input(rotateAppSecretInput).mutation(({ ctx, input }) => rotateAppSecret({ actor: actorOf(ctx.user), input, request: ctx.request })),
  revokeSecret: authedProcedure.input(revokeAppSecretInput).mutation(({ ctx, input }) => revokeAppSecret({ actor: actorOf(ctx.user), input, request: ctx.request })),
});
