import { getOverview, getOverviewInput } from '@/server/backend/analytics/get-overview';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

export const analyticsRouter = createTRPCRouter({
  overview: authedProcedure.input(getOverviewInput).query(({ ctx, input }) => getOverview({ actor: actorOf(ctx.user), input })),
});
