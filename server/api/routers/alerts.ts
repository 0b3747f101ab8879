import { acknowledgeAlert, acknowledgeAlertInput } from '@/server/backend/alerts/acknowledge-alert';
import { getAlert, getAlertInput } from '@/server/backend/alerts/get-alert';
import { listAlerts, listAlertsInput } from '@/server/backend/alerts/list-alerts';
import { resolveAlert, resolveAlertInput } from '@/server/backend/alerts/resolve-alert';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

export const alertsRouter = createTRPCRouter({
  list: authedProcedure.input(listAlertsInput).query(({ ctx, input }) => listAlerts({ actor: actorOf(ctx.user), input })),
  get: authedProcedure.input(getAlertInput).query(({ ctx, input }) => getAlert({ actor: actorOf(ctx.user), input })),
  acknowledge: authedProcedure.input(acknowledgeAlertInput).mutation(({ ctx, input }) => acknowledgeAlert({ actor: actorOf(ctx.user), input, request: ctx.request })),
  resolve: authedProcedure.input(resolveAlertInput).mutation(({ ctx, input }) => resolveAlert({ actor: actorOf(ctx.user), input, request: ctx.request })),
});
