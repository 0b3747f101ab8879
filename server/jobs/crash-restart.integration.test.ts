// A server running the jobs is killed (SIGKILL) between committing a payment's success and
// delivering its webhook. Nothing calls a sweep by hand: the restarted server's own jobs find the
// due delivery in the database and deliver it once the dead process's lease has run out.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openAppSecret } from '@/server/security/app-secret';
import { db } from '@/server/db/client';
import { LEASE_MS } from '@/server/messaging/deliver-webhook';
import { verifyWebhook } from '@paycenter/node';
import { crashAfterCommit, type CrashAfterCommit } from '@/server/testing/crash-after-commit';
import { spawnAppServer, type SpawnedAppServer } from '@/server/testing/spawn-app-server';

const port = Number(new URL(process.env.PAYCENTER_BASE_URL!).port);
let crashed: CrashAfterCommit | undefined;
let restarted: SpawnedAppServer | undefined;

afterAll(async () => {
  await crashed?.receiver.close();
  await restarted?.stop();
});

describe('kill -9 between the commit and the webhook', () => {
  it('the restarted server delivers the webhook', async () => {
    crashed = await crashAfterCommit({ port, jobs: true });
    const { tenant, receiver, serialNo, first } = crashed;

    // The lease the killed process took before its request left: no one may send again before it ends.
    const { leaseUntil } = await db().webhookDelivery.findUniqueOrThrow({ where: { eventId: first.eventId! } });
    expect(leaseUntil!.getTime()).toBeGreaterThan(first.receivedAt);
    receiver.otherwise = { status: 200 };
    restarted = await spawnAppServer({ port, jobs: true });
    const again = await receiver.nth(2, LEASE_MS + 30_000);
    expect(again.eventId).toBe(first.eventId);
    expect(again.receivedAt).toBeGreaterThanOrEqual(leaseUntil!.getTime());
    const secret = openAppSecret(await db().appSecret.findFirstOrThrow({ where: { appId: tenant.app.id } }));
    expect(verifyWebhook({ secret, timestamp: again.timestamp, signature: again.signature, rawBody: again.rawBody })).toMatchObject({
      type: 'payment.succeeded',
      data: { payment: { serialNo, status: 'SUCCEEDED' } },
    });
    // The server records the attempt after the receiver has answered: wait for that write.
    await vi.waitFor(async () => expect(await db().webhookDelivery.findUniqueOrThrow({ where: { eventId: first.eventId! } })).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1 }), {
      timeout: 10_000,
      interval: 100,
    });
    expect(receiver.received).toHaveLength(2);
  }, 150_000);
});
