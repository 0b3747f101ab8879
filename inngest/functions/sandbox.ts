import { cron } from 'inngest';
import { inngest } from '@/inngest/client';
import { deliverDueAlipayNotifications } from '@/server/sandbox/alipay';

/** The Alipay simulator retries unacknowledged notifies on Alipay's schedule, as the real one does. */
export const retrySandboxAlipayNotifications = inngest.createFunction(
  { id: 'sandbox-alipay-notifications-retry', triggers: [cron('* * * * *')], concurrency: { limit: 1 } },
  async ({ step }) => step.run('deliver-due-notifications', () => deliverDueAlipayNotifications({ now: new Date() })),
);
