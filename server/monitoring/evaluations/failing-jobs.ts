import { db } from '@/server/db/client';
import { isOverdue, type ScheduledJob } from '@/server/observability/check-health';
import type { AlertRuleParams } from '../rules/alert-rule-catalogue';
import type { FailingCondition } from '../raise-conditions';

/** Scheduled jobs whose last runs all failed (the rule's count in a row), or that are overdue as /api/health sees them. */
export async function findFailingJobs(options: { params: AlertRuleParams<'JOB_FAILING'>; jobs: readonly ScheduledJob[]; now: Date }): Promise<FailingCondition[]> {
  const { consecutiveFailures } = options.params;
  const states = new Map((await db().jobState.findMany({ where: { id: { in: options.jobs.map((job) => job.id) } } })).map((state) => [state.id, state]));
  return options.jobs.flatMap((job) => {
    const state = states.get(job.id);
    const failing = state !== undefined && state.consecutiveFailures >= consecutiveFailures;
    const overdue = isOverdue(job, state, options.now);
    if (!failing && !overdue) return [];
    const reasons = [
      ...(failing ? [`failed its last ${state.consecutiveFailures} runs (${state.lastError ?? 'no error recorded'})`] : []),
      ...(overdue ? [`has not run since ${state?.lastRunAt?.toISOString() ?? 'it was scheduled'} (period ${job.periodSeconds} s)`] : []),
    ];
    return [
      {
        subject: `job:${job.id}`,
        companyId: null,
        message: `Background job ${job.id} ${reasons.join(' and ')}.`,
        details: { jobId: job.id, consecutiveFailures: state?.consecutiveFailures ?? 0, lastRunAt: state?.lastRunAt?.toISOString() ?? null, overdue },
      },
    ];
  });
}
