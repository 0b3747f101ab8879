import { cron, eventType } from 'inngest';
import { inngest } from '@/inngest/client';
import { refreshPlatformCertificates } from '@/server/backend/channels/refresh-platform-certificates';

/** Sent to refresh at once (after activating a PLATFORM_CERT channel, or by an operator). */
export const wechatpayCertificatesRefreshRequested = eventType('wechatpay/certificates.refresh');

/** WeChat Pay platform certificates rotate; every day, pull new ones into the whitelists before callbacks need them. */
export const refreshWechatpayCertificatesJob = inngest.createFunction(
  { id: 'wechatpay-certificates-refresh', triggers: [cron('17 3 * * *'), wechatpayCertificatesRefreshRequested], concurrency: { limit: 1 } },
  async ({ step }) => step.run('refresh-platform-certificates', () => refreshPlatformCertificates({ now: new Date() })),
);
