// One run of a job as both engines make it: recorded in the database, and, for a job that claims no
// rows of its own, claimed there so that one instance runs each firing.
import { describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { checkHealth } from '@/server/observability/check-health';
import type { Job } from './job';
import { registerJobs } from './job-state';
import { runJob } from './run-job';

/** A job counting its calls (every 5 minutes, job-claimed, unless overridden). */
function job(overrides: Partial<Job> & { id: string }): Job & { calls: number } {
  const counted: Job & { calls: number } = { description: 'test job', trigger: { cron: '*/5 * * * *' }, claim: 'job', calls: 0, run: async () => ({ done: ++counted.calls }), ...overrides };
  return counted;
}

describe('runJob', () => {
  it('runs one firing of a job-claimed job once, however many instances fire it', async () => {
    const slow = job({ id: 'test-once', run: async () => new Promise((resolve) => setTimeout(() => resolve({ done: ++slow.calls }), 200)) });
    const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const runs = await Promise.all([1, 2, 3].map(() => runJob({ job: slow, slot })));
    expect(runs.filter((run) => run.ran)).toEqual([{ ran: true, result: { done: 1 } }]);
    // The winner finished and released its lease: the same firing still does not run again…
    expect(await runJob({ job: slow, slot })).toMatchObject({ ran: false });
    // …but the next one does.
    expect(await runJob({ job: slow, slot: new Date(slot.getTime() + 5 * 60_000), now: new Date(slot.getTime() + 5 * 60_000) })).toMatchObject({ ran: true });
  });

  it('runs a rows-claimed job on every call, all recorded', async () => {
    const sweep = job({ id: 'test-sweep', claim: 'rows', trigger: { due: { pollSeconds: 5 } } });
    await Promise.all([runJob({ job: sweep }), runJob({ job: sweep })]);
    expect(sweep.calls).toBe(2);
    expect(await db().jobState.findUniqueOrThrow({ where: { id: 'test-sweep' } })).toMatchObject({ lastRunAt: expect.any(Date), lastSuccessAt: expect.any(Date), lastError: null });
  });

  it('records a failure, rethrows it for the engine, and clears it on the next success', async () => {
    let fail = true;
    const flaky = job({ id: 'test-flaky', claim: 'rows', run: async () => {
      if (fail) throw new Error('channel unreachable');
      return {};
    } });
    await expect(runJob({ job: flaky })).rejects.toThrow('channel unreachable');
    expect(await db().jobState.findUniqueOrThrow({ where: { id: 'test-flaky' } })).toMatchObject({ lastError: 'channel unreachable', lastSuccessAt: null, leaseUntil: null });
    fail = false;
    await runJob({ job: flaky });
    expect(await db().jobState.findUniqueOrThrow({ where: { id: 'test-flaky' } })).toMatchObject({ lastError: null, lastSuccessAt: expect.any(Date) });
  });
});

describe('checkHealth', () => {
  it('reports each job and is unavailable once a job has gone three periods without a run', async () => {
    await registerJobs(['test-health-fresh', 'test-health-new']);
    const now = new Date();
    await db().jobState.create({ data: { id: 'test-health-stale', createdAt: new Date(now.getTime() - 3600_000), lastRunAt: new Date(now.getTime() - 181_000), lastError: 'boom' } });
    await runJob({ job: job({ id: 'test-health-fresh', claim: 'rows' }) });
    const fresh = [
      { id: 'test-health-fresh', periodSeconds: 60 },
      // Never ran, but scheduled only now: not overdue yet.
      { id: 'test-health-new', periodSeconds: 86_400 },
    ];
    const healthy = await checkHealth({ scheduler: 'in-process', jobs: fresh });
    expect(healthy).toEqual({
      status: 'ok',
      database: 'ok',
      scheduler: 'in-process',
      jobs: { 'test-health-fresh': { lastRunAt: expect.any(String), lastError: null }, 'test-health-new': { lastRunAt: null, lastError: null } },
    });
    const withStale = await checkHealth({ scheduler: 'in-process', jobs: [...fresh, { id: 'test-health-stale', periodSeconds: 60 }] });
    expect(withStale).toMatchObject({ status: 'unavailable', database: 'ok', jobs: { 'test-health-stale': { lastRunAt: new Date(now.getTime() - 181_000).toISOString(), lastError: 'boom' } } });
    expect((await checkHealth({ scheduler: 'in-process', jobs: [{ id: 'test-health-stale', periodSeconds: 61 }] })).status).toBe('ok');
  });
});
