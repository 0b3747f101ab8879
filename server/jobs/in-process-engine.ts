import { Cron } from 'croner';
import { logger } from '@/server/logging/logger';
import type { Job } from './job';
import { runJob } from './run-job';

export interface InProcessEngine {
  /** Runs a `due` job at `at` (or at once if past), ahead of its next poll: for work known to fall due then. */
  wake(jobId: string, at: Date): void;
  /** Stops scheduling and resolves once the runs in flight have ended. */
  stop(): Promise<void>;
}

/** Cron jobs fire on whole minutes; the minute is the slot two instances must not both run. */
const minuteOf = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000);

/**
 * Runs the jobs in this process with croner. Nothing lives only here: what is due is read from the
 * database at every run, the runs are recorded there, and every instance can run this engine at
 * once (see Job.claim). Timers are unref'd: the server, not the engine, keeps the process alive.
 */
export function startInProcessEngine(jobs: readonly Job[]): InProcessEngine {
  const timers = new Set<NodeJS.Timeout>();
  const runners = new Map(jobs.map((job) => [job.id, runner(job)]));
  const crons = jobs.map((job) => {
    const pattern = 'due' in job.trigger ? `*/${job.trigger.due.pollSeconds} * * * * *` : job.trigger.cron;
    const { fire } = runners.get(job.id)!;
    return new Cron(pattern, { name: `paycenter:${job.id}`, unref: true }, () => fire('due' in job.trigger ? undefined : minuteOf(new Date())));
  });
  return {
    wake(jobId, at) {
      const run = runners.get(jobId);
      if (!run) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        run.fire(undefined);
      }, Math.max(0, at.getTime() - Date.now()));
      timer.unref();
      timers.add(timer);
    },
    async stop() {
      crons.forEach((cron) => cron.stop());
      timers.forEach((timer) => clearTimeout(timer));
      timers.clear();
      await Promise.all([...runners.values()].map((run) => run.idle()));
    },
  };
}

/**
 * One job's firing: never two runs of it at once in this process; a firing during a run of a `due`
 * job asks for one more run right after (a wake-up may concern work the current run looked for too
 * early to see).
 */
function runner(job: Job): { fire(slot: Date | undefined): void; idle(): Promise<void> } {
  let running: Promise<void> | undefined;
  let again = false;
  const runUntilSettled = async (slot: Date | undefined) => {
    do {
      again = false;
      await runJob({ job, slot }).catch((error: unknown) =>
        logger().error({ job: job.id, err: error }, 'job run failed; recorded for /api/health and retried at its next run'),
      );
    } while (again);
    running = undefined;
  };
  return {
    fire(slot) {
      if (running) again = 'due' in job.trigger;
      else running = runUntilSettled(slot);
    },
    idle: async () => {
      again = false;
      await running;
    },
  };
}
