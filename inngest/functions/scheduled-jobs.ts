import { cron, eventType, type InngestFunction } from 'inngest';
import { inngest } from '@/inngest/client';
import { DUE_SWEEP_CRON, type Job } from '@/server/jobs/job';
import { jobs } from '@/server/jobs/job-list';
import { runJob } from '@/server/jobs/run-job';

/**
 * The one job list (server/jobs/job-list.ts) as Inngest functions, with the same ids: Inngest's
 * cron, retries and a concurrency limit of one per job (the claims make overlapping runs safe; the
 * limit only saves work). A `due` job is swept once a minute; webhook retries keep their own
 * to-the-second workflow (./webhooks.ts).
 */
function toInngestFunction(job: Job): InngestFunction.Any {
  const schedule = cron('due' in job.trigger ? DUE_SWEEP_CRON : job.trigger.cron);
  const triggers = job.onDemandEvent ? [schedule, eventType(job.onDemandEvent)] : [schedule];
  return inngest.createFunction({ id: job.id, triggers, concurrency: { limit: 1 } }, async ({ step }) =>
    step.run(job.id, async () => {
      const run = await runJob({ job });
      return run.ran ? run.result : run;
    }),
  );
}

/** Keyed by job id. */
export const scheduledJobFunctions: Readonly<Record<string, InngestFunction.Any>> = Object.fromEntries(jobs.map((job) => [job.id, toInngestFunction(job)]));
