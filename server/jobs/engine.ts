import { env } from '@/server/config/env';
import type { Job } from './job';
import { jobs } from './job-list';

export type SchedulerEngine = 'inngest' | 'in-process';

/**
 * Inngest runs the jobs when the deployment points at an Inngest server: a dev server
 * (INNGEST_DEV, INNGEST_BASE_URL), Inngest Cloud or a self-hosted one (signing or event key).
 * Otherwise each server process runs them itself.
 */
export function schedulerEngine(): SchedulerEngine {
  const { INNGEST_DEV, INNGEST_BASE_URL, INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY } = env();
  const dev = INNGEST_DEV !== undefined && !['0', 'false'].includes(INNGEST_DEV);
  return dev || INNGEST_BASE_URL || INNGEST_SIGNING_KEY || INNGEST_EVENT_KEY ? 'inngest' : 'in-process';
}

/** The jobs this deployment runs: the simulators' own jobs only in sandbox mode. */
export function activeJobs(): Job[] {
  const sandbox = env().PAYCENTER_SANDBOX;
  return jobs.filter((job) => sandbox || !job.sandboxOnly);
}
