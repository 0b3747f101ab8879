import { db } from '@/server/db/client';
import type { JobState } from '@/server/db/generated/client';

export interface JobHealth {
  lastRunAt: string | null;
  lastError: string | null;
}

/** GET /api/health's body (api-contract.md, Operations). */
export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unreachable';
  scheduler: string;
  jobs: Record<string, JobHealth>;
}

/** A database that does not answer within this is as good as down for a health check. */
const DATABASE_TIMEOUT_MS = 3000;

/** A job is overdue after this many of its periods without a run. */
const MISSED_PERIODS = 3;

/** A job's period, as the job list declares it. */
export interface ScheduledJob {
  id: string;
  periodSeconds: number;
}

/**
 * Whether a job has gone three periods without starting a run, counted from its last run or, for a
 * job that never ran, from when it was first scheduled (a job without a row has never been scheduled).
 */
export function isOverdue(job: ScheduledJob, state: Pick<JobState, 'lastRunAt' | 'createdAt'> | undefined, now: Date): boolean {
  const since = state ? (state.lastRunAt ?? state.createdAt) : null;
  return !since || now.getTime() - since.getTime() > MISSED_PERIODS * job.periodSeconds * 1000;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The server's health from the database alone, so every instance answers the same: the recorded
 * runs of `jobs` (written by whichever engine ran them). Healthy when the database answers and no
 * job is overdue.
 */
export async function checkHealth(options: { scheduler: string; jobs: readonly ScheduledJob[]; now?: Date }): Promise<HealthReport> {
  const now = options.now ?? new Date();
  let states;
  try {
    states = await withTimeout(db().jobState.findMany({ where: { id: { in: options.jobs.map((job) => job.id) } } }), DATABASE_TIMEOUT_MS);
  } catch {
    return { status: 'unavailable', database: 'unreachable', scheduler: options.scheduler, jobs: {} };
  }
  const byId = new Map(states.map((state) => [state.id, state]));
  let overdue = false;
  const jobs: Record<string, JobHealth> = {};
  for (const job of options.jobs) {
    const state = byId.get(job.id);
    if (isOverdue(job, state, now)) overdue = true;
    jobs[job.id] = { lastRunAt: state?.lastRunAt?.toISOString() ?? null, lastError: state?.lastError ?? null };
  }
  return { status: overdue ? 'unavailable' : 'ok', database: 'ok', scheduler: options.scheduler, jobs };
}
