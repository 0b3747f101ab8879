import { alertRulesRouter } from './routers/alert-rules';
import { alertsRouter } from './routers/alerts';
import { analyticsRouter } from './routers/analytics';
import { appsRouter } from './routers/apps';
import { auditRouter } from './routers/audit';
import { channelsRouter } from './routers/channels';
import { splitReceiversRouter } from './routers/split-receivers';
import { companiesRouter } from './routers/companies';
import { dingtalkRobotsRouter } from './routers/dingtalk-robots';
import { grantsRouter } from './routers/grants';
import { merchantsRouter } from './routers/merchants';
import { paymentSplitsRouter } from './routers/payment-splits';
import { paymentsRouter } from './routers/payments';
import { reconciliationRouter } from './routers/reconciliation';
import { sessionRouter } from './routers/session';
import { usersRouter } from './routers/users';
import { webhooksRouter } from './routers/webhooks';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  session: sessionRouter,
  companies: companiesRouter,
  users: usersRouter,
  merchants: merchantsRouter,
  channels: channelsRouter,
  splitReceivers: splitReceiversRouter,
  apps: appsRouter,
  grants: grantsRouter,
  audit: auditRouter,
  payments: paymentsRouter,
  paymentSplits: paymentSplitsRouter,
  webhooks: webhooksRouter,
  dingtalkRobots: dingtalkRobotsRouter,
  reconciliation: reconciliationRouter,
  alertRules: alertRulesRouter,
  alerts: alertsRouter,
  analytics: analyticsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
