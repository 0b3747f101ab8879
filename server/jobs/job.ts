import { Cron } from 'croner';

/**
 * When a job runs.
 * - `cron`: on the wall clock (five fields, minute precision), the same in both engines.
 * - `due`: work that falls due at times stored in the database (webhook retries, active queries,
 *   expiries). The in-process engine polls every `pollSeconds` and can be woken earlier; Inngest
 *   sweeps once a minute and runs the per-delivery webhook retry workflow for the exact seconds.
 */
export type JobTrigger = { cron: string } | { due: { pollSeconds: number } };

export interface Job {
  /** Stable: the Inngest function id and the JobState row. */
  id: string;
  description: string;
  trigger: JobTrigger;
  /**
   * How two instances (or two overlapping runs) stay out of each other's way. `rows`: the service
   * claims each row it works on (SKIP LOCKED leases, conditional updates), so every instance may
   * sweep at once. `job`: the service claims nothing, so a run first takes the job's lease.
   */
  claim: 'rows' | 'job';
  /** Exists only with the channel simulators (PAYCENTER_SANDBOX). */
  sandboxOnly?: boolean;
  /** Inngest only: an event that starts a run at once (an operator's "refresh now"). */
  onDemandEvent?: string;
  /** Calls the one service that does the work; answers a JSON summary of what it did. */
  run(now: Date): Promise<unknown>;
}

/** How often Inngest runs a `due` job's sweep, and the period /api/health holds it to in both engines. */
export const DUE_SWEEP_CRON = '* * * * *';

/** The longest gap between two runs: /api/health calls a job stale after three of these without a run. */
export function periodSeconds(trigger: JobTrigger): number {
  if ('due' in trigger) return 60;
  const runs = new Cron(trigger.cron).nextRuns(10);
  return Math.max(...runs.slice(1).map((run, i) => (run.getTime() - runs[i]!.getTime()) / 1000));
}
