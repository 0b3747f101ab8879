import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '@/inngest/testing';
import { db } from '@/server/db/client';
import { serveRouteHandlers, type RunningServer } from '@/server/sandbox/alipay/testing/serve-route-handlers';
import { scheduledJobFunctions } from './scheduled-jobs';

let receiver: RunningServer;
const received: string[] = [];

beforeAll(async () => {
  receiver = await serveRouteHandlers({
    '/notify': async (request) => {
      received.push(await request.text());
      return new Response('success');
    },
  });
});
afterAll(() => receiver?.close());

describe('sandbox notification retries', () => {
  it('delivers the simulator notifies that are due, signed, and leaves the others for later', async () => {
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3600_000);
    const params = { app_id: '9021000000000001', out_trade_no: 'P1', trade_status: 'TRADE_SUCCESS', total_amount: '10.00' };
    await db().sandboxAlipayNotification.createMany({
      data: [
        { id: 'due', tradeNo: 'T1', notifyUrl: `${receiver.baseUrl}/notify`, params, attempts: 1, nextAttemptAt: past },
        { id: 'later', tradeNo: 'T2', notifyUrl: `${receiver.baseUrl}/notify`, params, attempts: 1, nextAttemptAt: future },
      ],
    });

    const { engine } = testEngine(scheduledJobFunctions['sandbox-alipay-notifications-retry']!);
    const { result } = await engine.execute({ events: [{ name: 'inngest/scheduled.timer', data: {} }] });

    expect(result).toEqual({ attempted: 1, delivered: 1 });
    expect(received).toHaveLength(1);
    expect(new URLSearchParams(received[0]).get('sign')).toBeTruthy();
    expect(await db().sandboxAlipayNotification.findUniqueOrThrow({ where: { id: 'due' } })).toMatchObject({ attempts: 2, nextAttemptAt: null });
    expect(await db().sandboxAlipayNotification.findUniqueOrThrow({ where: { id: 'later' } })).toMatchObject({ attempts: 1, deliveredAt: null });
  });
});
