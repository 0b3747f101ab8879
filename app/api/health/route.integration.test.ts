// GET /api/health as api-contract.md (Operations) says, and /api/inngest without Inngest configured.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { GET as inngestGet } from '@/app/api/inngest/route';
import { activeJobs } from '@/server/jobs/job-list';
import { registerJobs } from '@/server/jobs/job-state';
import { spawnAppServer } from '@/server/testing/spawn-app-server';
import { GET } from './route';

describe('GET /api/health', () => {
  it('answers 200 with the database, the scheduler and every job once the jobs are scheduled', async () => {
    await registerJobs(activeJobs().map((job) => job.id));
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', database: 'ok', scheduler: 'in-process' });
    expect(Object.keys(body.jobs).sort()).toEqual(activeJobs().map((job) => job.id).sort());
    expect(body.jobs['webhooks-deliver-due']).toEqual({ lastRunAt: null, lastError: null });
  });

  it('answers 503 with the same shape when the database is unreachable', async () => {
    const server = await spawnAppServer({ port: 0, env: { DATABASE_URL: 'postgresql://paycenter:x@127.0.0.1:1/none' } });
    try {
      const response = await fetch(`${server.baseUrl}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable', scheduler: 'in-process', jobs: {} });
    } finally {
      await server.stop();
    }
  }, 60_000);
});

describe('/api/inngest without Inngest configured', () => {
  it('answers 404 in the contract error shape, saying the jobs run in-process', async () => {
    const response = await inngestGet(new NextRequest('http://localhost/api/inngest'), {});
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringMatching(/Inngest is not configured/) } });
  });
});
