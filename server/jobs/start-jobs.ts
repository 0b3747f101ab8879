import { scheduleWebhookRetriesOnInngest } from '@/inngest/schedule-webhook-retries';
import { logger } from '@/server/logging/logger';
import { setWebhookRetryScheduler } from '@/server/messaging/webhook-retry-scheduler';
import { schedulerEngine, type SchedulerEngine } from './engine';
import { activeJobs } from './job-list';
import { startInProcessEngine } from './in-process-engine';
import { registerJobs } from './job-state';
import { wakeForWebhookRetry } from './wake-for-webhook-retry';

interface Started {
  engine: SchedulerEngine;
  stop(): Promise<void>;
}

// Next may evaluate this module in more than one bundle of the same process: one start per process.
const holder = globalThis as typeof globalThis & { paycenterJobs?: Started };

/**
 * Starts the background jobs of this server process with the engine the configuration selects
 * (./engine.ts) and says which: Inngest calls /api/inngest and only needs to hear about failed
 * webhook deliveries; otherwise this process runs the whole list itself.
 */
export function startJobs(): Started {
  if (holder.paycenterJobs) return holder.paycenterJobs;
  const engine = schedulerEngine();
  const jobs = activeJobs();
  logger().info({ scheduler: engine, jobs: jobs.map((job) => job.id) }, `scheduler: ${engine}`);
  registerJobs(jobs.map((job) => job.id)).catch((error: unknown) => logger().error({ err: error }, 'could not register the jobs for /api/health'));
  if (engine === 'inngest') {
    setWebhookRetryScheduler(scheduleWebhookRetriesOnInngest);
    holder.paycenterJobs = { engine, stop: async () => setWebhookRetryScheduler(undefined) };
  } else {
    const inProcess = startInProcessEngine(jobs);
    setWebhookRetryScheduler((deliveryId) => wakeForWebhookRetry(inProcess, deliveryId));
    holder.paycenterJobs = {
      engine,
      stop: () => {
        setWebhookRetryScheduler(undefined);
        return inProcess.stop();
      },
    };
  }
  return holder.paycenterJobs;
}

/** Stops what startJobs started and waits for the runs in flight (tests, and servers shutting down). */
export async function stopJobs(): Promise<void> {
  const started = holder.paycenterJobs;
  holder.paycenterJobs = undefined;
  await started?.stop();
}
