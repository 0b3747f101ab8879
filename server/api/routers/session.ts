import { authedProcedure, createTRPCRouter } from '../trpc';

export const sessionRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => ctx.user),
});
