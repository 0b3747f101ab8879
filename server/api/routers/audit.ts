import { listAuditLogs, listAuditLogsInput } from '@/server/backend/audit/list-audit-logs';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

export const auditRouter = createTRPCRouter({
  list: authedProcedure.input(listAuditLogsInput).query(({ ctx, input }) => listAuditLogs({ actor: actorOf(ctx.user), input })),
});
