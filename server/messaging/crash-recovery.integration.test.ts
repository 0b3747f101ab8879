// Nothing committed goes unannounced: a server process is killed (SIGKILL) right after committing a
// payment, while its in-process webhook attempt is in flight; the sweeper delivers the event once
// the dead process's lease has run out.
import { afterAll, describe, expect, it } from 'vitest';
import { openAppSecret } from '@/server/security/app-secret';
import { db } from '@/server/db/client';
import { verifyWebhook } from '@paycenter/node';
import { crashAfterCommit, type CrashAfterCommit } from '@/server/testing/crash-after-commit';
import { deliverDueWebhooks } from './deliver-due-webhooks';
import { LEASE_MS } from './deliver-webhook';

let crashed: CrashAfterCommit | undefined;

afterAll(async () => {
  await crashed?.receiver.close();
});

describe('a crash right after the commit', () => {
  it('the sweeper delivers the event the dead process never finished delivering', async () => {
    crashed = await crashAfterCommit({ port: Number(new URL(process.env.PAYCENTER_BASE_URL!).port), jobs: false });
    const { tenant, receiver, serialNo, first } = crashed;
    const delivery = await db().webhookDelivery.findUniqueOrThrow({ where: { eventId: first.eventId! } });

    // While the dead process's lease lasts, no one sends the event again.
    expect((await deliverDueWebhooks()).DELIVERED).toBe(0);
    receiver.otherwise = { status: 200 };
    const swept = await deliverDueWebhooks({ now: new Date(delivery.leaseUntil!.getTime() + 1000) });
    expect(swept.DELIVERED).toBe(1);
    expect(delivery.leaseUntil!.getTime() - Date.now()).toBeLessThanOrEqual(LEASE_MS);

    const again = receiver.received[1]!;
    expect(again.eventId).toBe(first.eventId);
    const secret = openAppSecret(await db().appSecret.findFirstOrThrow({ where: { appId: tenant.app.id } }));
    expect(verifyWebhook({ secret, timestamp: again.timestamp, signature: again.signature, rawBody: again.rawBody })).toMatchObject({
      type: 'payment.succeeded',
      data: { payment: { serialNo, status: 'SUCCEEDED' } },
    });
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { eventId: first.eventId! } })).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1 });
  }, 120_000);
});
