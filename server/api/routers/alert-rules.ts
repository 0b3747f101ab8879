import { listAlertRules } from '@/server/monitoring/list-alert-rules';
import { updateAlertRule, updateAlertRuleInput } from '@/server/monitoring/update-alert-rule';
import { actorOf } from '../actor';
import { platformAdminProcedure, createTRPCRouter } from '../trpc';

export const alertRulesRouter = createTRPCRouter({
  list: platformAdminProcedure.query(({ ctx }) => listAlertRules({ actor: actorOf(ctx.user) })),
  update: platformAdminProcedure.input(updateAlertRuleInput).mutation(({ ctx, input }) => updateAlertRule({ actor: actorOf(ctx.user), input, request: ctx.request })),
});
