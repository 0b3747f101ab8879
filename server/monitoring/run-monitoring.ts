import { db } from '@/server/db/client';
import type { AlertKind } from '@/server/db/generated/client';
import { logger } from '@/server/logging/logger';
import { purgeChannelCallMinutes } from '@/server/observability/channel-call-minutes';
import type { ScheduledJob } from '@/server/observability/check-health';
import { findFailingChannels } from './evaluations/failing-channels';
import { findFailingJobs } from './evaluations/failing-jobs';
import { findFailingWebhookEndpoints } from './evaluations/failing-webhook-endpoints';
import { findExpiringCertificates } from './evaluations/expiring-certificates';
import { findLateReconciliations } from './evaluations/late-reconciliations';
import { findStuckRefunds } from './evaluations/refunds-stuck';
import { raiseConditions, type ConditionsOutcome, type FailingCondition } from './raise-conditions';
import type { AlertRuleParams } from './rules/alert-rule-catalogue';
import { readAlertRule } from './rules/read-alert-rules';

export type EvaluatedKind = 'REFUND_STUCK' | 'CHANNEL_FAILING' | 'WEBHOOK_ENDPOINT_FAILING' | 'CERTIFICATE_EXPIRING' | 'RECONCILIATION_LATE' | 'JOB_FAILING';

/** The channel call statistics older than this serve no rule (a window is at most an hour). */
const CALL_MINUTES_KEPT_MS = 24 * 3600_000;

export interface MonitoringOptions {
  now: Date;
  /** The scheduled jobs and their periods (the job list), for JOB_FAILING. */
  jobs: readonly ScheduledJob[];
}

type Evaluation<Kind extends EvaluatedKind> = (params: AlertRuleParams<Kind>, options: MonitoringOptions) => Promise<FailingCondition[]>;

const EVALUATIONS: { [Kind in EvaluatedKind]: Evaluation<Kind> } = {
  REFUND_STUCK: (params, { now }) => findStuckRefunds({ params, now }),
  CHANNEL_FAILING: (params, { now }) => findFailingChannels({ params, now }),
  WEBHOOK_ENDPOINT_FAILING: (params, { now }) => findFailingWebhookEndpoints({ params, now }),
  CERTIFICATE_EXPIRING: (params, { now }) => findExpiringCertificates({ params, now }),
  RECONCILIATION_LATE: (params, { now }) => findLateReconciliations({ params, now }),
  JOB_FAILING: (params, { now, jobs }) => findFailingJobs({ params, jobs, now }),
};

/** One rule's evaluation: its failing subjects raised, its cleared alerts resolved; nothing while it is disabled. */
export async function evaluateRule<Kind extends EvaluatedKind>(kind: Kind, options: MonitoringOptions): Promise<ConditionsOutcome | 'disabled'> {
  const rule = await readAlertRule(db(), kind);
  if (!rule.enabled) return 'disabled';
  const failing = await EVALUATIONS[kind](rule.params, options);
  return raiseConditions({ kind, failing, now: options.now });
}

/**
 * The monitoring job: evaluates every enabled rule that no single fact raises (each on its own,
 * so one that fails stops no other), then drops channel call statistics no window needs. Fails
 * when an evaluation failed, so the job's health shows it.
 */
export async function runMonitoring(options: MonitoringOptions): Promise<Partial<Record<AlertKind, ConditionsOutcome | 'disabled'>>> {
  const summary: Partial<Record<AlertKind, ConditionsOutcome | 'disabled'>> = {};
  const failed: string[] = [];
  for (const kind of Object.keys(EVALUATIONS) as EvaluatedKind[]) {
    try {
      summary[kind] = await evaluateRule(kind, options);
    } catch (error) {
      logger().error({ err: error, kind }, 'alert rule evaluation failed');
      failed.push(kind);
    }
  }
  await purgeChannelCallMinutes({ before: new Date(options.now.getTime() - CALL_MINUTES_KEPT_MS) });
  if (failed.length > 0) throw new Error(`alert rule evaluation failed: ${failed.join(', ')}`);
  return summary;
}
