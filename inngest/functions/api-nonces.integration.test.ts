import { describe, expect, it } from 'vitest';
import { testEngine } from '@/inngest/testing';
import { db } from '@/server/db/client';
import { registerApp } from '@/server/backend/apps/register-app';
import { TIMESTAMP_TOLERANCE_SECONDS } from '@/server/http/authenticate-app';
import { NONCE_RETENTION_SECONDS, purgeExpiredNonces } from '@/server/http/purge-expired-nonces';
import { platformAdmin } from '@/server/testing/fixtures';
import { scheduledJobFunctions } from './scheduled-jobs';

const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

async function appWithNonces(now: Date, ages: Record<string, number>) {
  const { app } = await registerApp({ actor: await platformAdmin(), input: { name: 'Fee app', description: null, defaultNotifyUrl: null, ipAllowlist: [] } });
  await db().apiNonce.createMany({ data: Object.entries(ages).map(([nonce, minutes]) => ({ appId: app.id, nonce, createdAt: minutesAgo(now, minutes) })) });
  return app.id;
}

describe('API nonce purge', () => {
  it('keeps nonces longer than any accepted timestamp can reuse them', () => {
    expect(NONCE_RETENTION_SECONDS).toBeGreaterThan(2 * TIMESTAMP_TOLERANCE_SECONDS);
  });

  it('deletes nonces older than 15 minutes and keeps the rest', async () => {
    const now = new Date('2026-12-01T08:00:00Z');
    const appId = await appWithNonces(now, { fresh000000000001: 1, edge0000000000001: 14.9, old00000000000001: 15.1, ancient0000000001: 600 });
    expect(await purgeExpiredNonces({ now })).toEqual({ deleted: 2 });
    const left = await db().apiNonce.findMany({ where: { appId }, orderBy: { nonce: 'asc' } });
    expect(left.map((row) => row.nonce)).toEqual(['edge0000000000001', 'fresh000000000001']);
  });

  it('runs as a cron function against the real clock', async () => {
    const now = new Date();
    const appId = await appWithNonces(now, { recent00000000001: 2, stale000000000001: 30 });
    const { engine } = testEngine(scheduledJobFunctions['api-nonces-purge']!);
    const { result } = await engine.execute({ events: [{ name: 'inngest/scheduled.timer', data: {} }] });
    expect(result).toMatchObject({ deleted: expect.any(Number) });
    expect((await db().apiNonce.findMany({ where: { appId } })).map((row) => row.nonce)).toEqual(['recent00000000001']);
  });
});
