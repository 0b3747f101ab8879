import { cron } from 'inngest';
import { inngest } from '@/inngest/client';
import { deliverDueAlipayNotifications } from '@/server/sandbox/alipay';
import { deliverDueEasypayNotifications } from '@/server/sandbox/easypay';
import { deliverDueWechatpayNotifications } from '@/server/sandbox/wechatpay';

/** The Alipay simulator retries unacknowledged notifies on Alipay's schedule, as the real one does. */
export const retrySandboxAlipayNotifications = inngest.createFunction(
  { id: 'sandbox-alipay-notifications-retry', triggers: [cron('* * * * *')], concurrency: { limit: 1 } },
  async ({ step }) => step.run('deliver-due-notifications', () => deliverDueAlipayNotifications({ now: new Date() })),
);

/** The EasyPay simulator retries unacknowledged callbacks on its schedule. */
export const retrySandboxEasypayNotifications = inngest.createFunction(
  { id: 'sandbox-easypay-notifications-retry', triggers: [cron('* * * * *')], concurrency: { limit: 1 } },
  async ({ step }) => step.run('deliver-due-notifications', () => deliverDueEasypayNotifications({ now: new Date() })),
);

/** The WeChat Pay simulator retries unacknowledged callbacks on WeChat's schedule (15 s … 6 h). */
export const retrySandboxWechatpayNotifications = inngest.createFunction(
  { id: 'sandbox-wechatpay-notifications-retry', triggers: [cron('* * * * *')], concurrency: { limit: 1 } },
  async ({ step }) => step.run('deliver-due-notifications', () => deliverDueWechatpayNotifications({ now: new Date() })),
);
