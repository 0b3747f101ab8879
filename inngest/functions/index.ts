import type { InngestFunction } from 'inngest';
import { activeJobs } from '@/server/jobs/job-list';
import { scheduledJobFunctions } from './scheduled-jobs';
import { webhookRetriesJob } from './webhooks';

/**
 * Every function the Inngest route serves: this deployment's scheduled jobs (the simulators' only in
 * sandbox mode) and the webhook retry workflow. A function, as the configuration is read at run time.
 */
export function inngestFunctions(): InngestFunction.Any[] {
  return [...activeJobs().map((job) => scheduledJobFunctions[job.id]!), webhookRetriesJob];
}
