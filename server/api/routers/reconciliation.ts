import { getReconciliationDay, getReconciliationDayInput } from '@/server/backend/reconciliation/get-reconciliation-day';
import { listReconciliationDays, listReconciliationDaysInput } from '@/server/backend/reconciliation/list-reconciliation-days';
import { reconcileDayNow, reconcileDayNowInput } from '@/server/backend/reconciliation/reconcile-day-now';
import { resolveDiscrepancy, resolveDiscrepancyInput } from '@/server/backend/reconciliation/resolve-discrepancy';
import { syncDiscrepancy, syncDiscrepancyInput } from '@/server/backend/reconciliation/sync-discrepancy';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

export const reconciliationRouter = createTRPCRouter({
  days: authedProcedure.input(listReconciliationDaysInput).query(({ ctx, input }) => listReconciliationDays({ actor: actorOf(ctx.user), input })),
  day: authedProcedure.input(getReconciliationDayInput).query(({ ctx, input }) => getReconciliationDay({ actor: actorOf(ctx.user), input })),
  resolve: authedProcedure.input(resolveDiscrepancyInput).mutation(({ ctx, input }) => resolveDiscrepancy({ actor: actorOf(ctx.user), input, request: ctx.request })),
  sync: authedProcedure.input(syncDiscrepancyInput).mutation(({ ctx, input }) => syncDiscrepancy({ actor: actorOf(ctx.user), input, request: ctx.request })),
  reconcileNow: authedProcedure.input(reconcileDayNowInput).mutation(({ ctx, input }) => reconcileDayNow({ actor: actorOf(ctx.user), input, request: ctx.request })),
});
