import { metrics } from '@/server/observability/metrics';
import type { Job } from './job';
import { claimRun, recordRunFailure, recordRunStart, recordRunSuccess } from './job-state';

export type JobRun = { ran: true; result: unknown } | { ran: false; reason: 'another instance holds the lease or ran this slot' };

/**
 * One run of a job, as both engines make it: claims it when the job claims no rows itself, records
 * the start, the end and any error in the database (read by /api/health), and rethrows the error so
 * the engine retries as it does. `slot` is the cron firing this run belongs to.
 */
export async function runJob(options: { job: Job; slot?: Date; now?: Date }): Promise<JobRun> {
  const { job } = options;
  const now = options.now ?? new Date();
  if (job.claim === 'job') {
    if (!(await claimRun(job.id, now, options.slot))) return { ran: false, reason: 'another instance holds the lease or ran this slot' };
  } else {
    await recordRunStart(job.id, now);
  }
  let result: unknown;
  try {
    result = await job.run(now);
  } catch (error) {
    metrics().jobRuns.inc({ job: job.id, result: 'failure' });
    await recordRunFailure(job.id, error);
    throw error;
  }
  metrics().jobRuns.inc({ job: job.id, result: 'success' });
  await recordRunSuccess(job.id, new Date());
  return { ran: true, result };
}
