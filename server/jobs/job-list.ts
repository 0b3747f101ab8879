import { purgeIdleLoginThrottles } from '@/server/auth/login-throttle';
import { refreshPlatformCertificates } from '@/server/backend/channels/refresh-platform-certificates';
import { env } from '@/server/config/env';
import { expireDuePayments } from '@/server/core/payments/expire-due-payments';
import { queryDuePayments } from '@/server/core/payments/query-due-payments';
import { refundDueDuplicates } from '@/server/core/payments/refund-due-duplicates';
import { queryDueRefunds } from '@/server/core/refunds/sync-refund';
import { queryDueSplits } from '@/server/core/splits/sync-split';
import { purgeExpiredNonces } from '@/server/http/purge-expired-nonces';
import { deliverDueDingtalkMessages } from '@/server/messaging/dingtalk/deliver-due-dingtalk-messages';
import { refreshDailyRollups } from '@/server/finance/analytics/refresh-daily-rollups';
import { reconcileDueDays } from '@/server/finance/reconciliation/reconcile-due-days';
import { deliverDueWebhooks } from '@/server/messaging/deliver-due-webhooks';
import { runMonitoring } from '@/server/monitoring/run-monitoring';
import type { ScheduledJob } from '@/server/observability/check-health';
import { deliverDueAlipayNotifications } from '@/server/sandbox/alipay';
import { deliverDueEasypayNotifications } from '@/server/sandbox/easypay';
import { deliverDueWechatpayNotifications } from '@/server/sandbox/wechatpay';
import { periodSeconds, type Job } from './job';

/** The webhook sweep, which the in-process engine wakes when a failed delivery's retry falls due. */
export const WEBHOOK_SWEEP_JOB_ID = 'webhooks-deliver-due';

/**
 * Every background obligation PayCenter has, declared once. Both engines run exactly this list:
 * Inngest (inngest/functions/scheduled-jobs.ts) when it is configured, otherwise every server
 * process in-process (./in-process-engine.ts). Adding a job is adding an entry here.
 */
export const jobs: readonly Job[] = [
  {
    id: WEBHOOK_SWEEP_JOB_ID,
    description: "Webhook attempts that are due: retries on the contract's schedule, and first attempts a crashed process never made.",
    trigger: { due: { pollSeconds: 5 } },
    claim: 'rows',
    run: (now) => deliverDueWebhooks({ now }),
  },
  {
    id: 'payments-query-due',
    description: 'Active query of PENDING attempts whose query is due (+1, +5, +15 min, then every 15 min): lost or forged callbacks.',
    trigger: { due: { pollSeconds: 10 } },
    claim: 'rows',
    run: (now) => queryDuePayments({ now }),
  },
  {
    id: 'payments-expire-due',
    description: 'Closes PENDING attempts past their expiry at the channel and locally, and tells the app.',
    trigger: { due: { pollSeconds: 10 } },
    claim: 'rows',
    run: (now) => expireDuePayments({ now }),
  },
  {
    id: 'refunds-query-due',
    description: 'Active query of PROCESSING refunds whose query is due.',
    trigger: { due: { pollSeconds: 10 } },
    claim: 'rows',
    run: (now) => queryDueRefunds({ now }),
  },
  // ── splits ──
  {
    id: 'splits-query-due',
    description: 'Active query of PROCESSING splits whose query is due: lost answers; a split the channel never received is sent again.',
    trigger: { due: { pollSeconds: 10 } },
    claim: 'rows',
    run: (now) => queryDueSplits({ now }),
  },
  {
    id: 'dingtalk-deliver-due',
    description: 'Turns new alerts into DingTalk messages (one per burst of a kind and subject) and sends what is due, 20 a minute per robot.',
    trigger: { due: { pollSeconds: 10 } },
    claim: 'rows',
    run: (now) => deliverDueDingtalkMessages({ now }),
  },
  {
    id: 'monitoring-evaluate',
    description: 'Evaluates the alert rules no single fact raises: failing channels and webhook endpoints, stuck refunds, expiring certificates, late reconciliations, failing jobs.',
    trigger: { cron: '* * * * *' },
    claim: 'job',
    run: (now) => runMonitoring({ now, jobs: scheduledJobs() }),
  },
  {
    id: 'payments-refund-duplicates',
    description: 'Refunds duplicate payments whose immediate automatic refund failed to be recorded.',
    trigger: { cron: '*/5 * * * *' },
    claim: 'job',
    run: () => refundDueDuplicates(),
  },
  {
    id: 'api-nonces-purge',
    description: 'Drops used API nonces once their timestamps can no longer be accepted.',
    trigger: { cron: '*/5 * * * *' },
    claim: 'job',
    run: (now) => purgeExpiredNonces({ now }),
  },
  {
    id: 'login-throttles-purge',
    description: 'Drops sign-in failure counters idle for a day, so addresses that tried once do not pile up.',
    trigger: { cron: '17 * * * *' },
    claim: 'job',
    run: (now) => purgeIdleLoginThrottles({ now }),
  },
  {
    id: 'wechatpay-certificates-refresh',
    description: 'Pulls rotated WeChat Pay platform certificates into the whitelists before callbacks need them.',
    trigger: { cron: '17 3 * * *' },
    claim: 'job',
    onDemandEvent: 'wechatpay/certificates.refresh',
    run: (now) => refreshPlatformCertificates({ now }),
  },
  {
    id: 'reconciliation-due-days',
    description:
      "Downloads and reconciles every enabled payment channel's published days without a finished run (Alipay from 09:00, WeChat Pay from 10:00 Beijing time, bills not ready retried hourly), up to 7 days back.",
    trigger: { cron: '7 * * * *' },
    claim: 'job',
    run: (now) => reconcileDueDays({ now }),
  },
  {
    id: 'analytics-rollup',
    description: "Folds the payments, refunds, splits and orders changed since the last run into the overview's daily rollups: each (company, Beijing day) they touch is recounted from the raw tables.",
    trigger: { cron: '* * * * *' },
    claim: 'job',
    run: (now) => refreshDailyRollups({ now }),
  },
  {
    id: 'sandbox-alipay-notifications-retry',
    description: "The Alipay simulator retries unacknowledged notifies on Alipay's schedule, as the real one does.",
    trigger: { due: { pollSeconds: 5 } },
    claim: 'rows',
    sandboxOnly: true,
    run: (now) => deliverDueAlipayNotifications({ now }),
  },
  {
    id: 'sandbox-easypay-notifications-retry',
    description: 'The EasyPay simulator retries unacknowledged callbacks on its schedule.',
    trigger: { due: { pollSeconds: 5 } },
    claim: 'rows',
    sandboxOnly: true,
    run: (now) => deliverDueEasypayNotifications({ now }),
  },
  {
    id: 'sandbox-wechatpay-notifications-retry',
    description: "The WeChat Pay simulator retries unacknowledged callbacks on WeChat's schedule (15 s … 6 h).",
    trigger: { due: { pollSeconds: 5 } },
    claim: 'rows',
    sandboxOnly: true,
    run: (now) => deliverDueWechatpayNotifications({ now }),
  },
];

/** The jobs this deployment runs: the simulators' own jobs only in sandbox mode. */
export function activeJobs(): Job[] {
  const sandbox = env().PAYCENTER_SANDBOX;
  return jobs.filter((job) => sandbox || !job.sandboxOnly);
}

/** The active jobs with the period /api/health and the JOB_FAILING rule hold each to. */
export function scheduledJobs(): ScheduledJob[] {
  return activeJobs().map((job) => ({ id: job.id, periodSeconds: periodSeconds(job.trigger) }));
}
