import { env } from '@/server/config/env';

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
