// A payment's notifyUrl naming the server's own network is refused when sent, with 400
// INVALID_REQUEST naming notifyUrl and nothing stored. Literal addresses only: a host name is
// resolved and checked on every delivery, not per payment request (too slow for this path).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';
import { publicTargetsOnly } from '@/server/testing/public-targets-only';

let server: RunningServer;
let tenant: PaymentsTenant;

beforeAll(async () => {
  server = await startAppServer();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
});
afterAll(() => server?.close());

describe('POST /api/v1/payments notifyUrl, with public targets only (production)', () => {
  publicTargetsOnly();

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://10.0.0.8/hook',
    'http://[::1]/hook',
    'http://[::ffff:192.168.0.1]/hook',
    'http://[::127.0.0.1]/hook',
    'http://[64:ff9b::a9fe:a9fe]/hook',
    'http://[2002:a9fe:a9fe::1]/hook',
    'http://[fec0::1]/hook',
    'http://198.18.0.1/hook',
    'http://192.0.0.170/hook',
    'http://0x7f.1/hook',
    'http://localhost:3000/hook',
  ])('refuses %s', async (notifyUrl) => {
    const answer = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { notifyUrl }));
    expect([answer.status, answer.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
    expect(answer.body.error.details.fields).toEqual({ notifyUrl: expect.stringMatching(/^must not point at the server's own network: .*non-public address/) });
    expect(await db().payment.count()).toBe(0);
  });

  it('accepts a public host without resolving it', async () => {
    const answer = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { notifyUrl: 'https://hooks.app.example/paycenter' }));
    expect(answer.status).toBe(201);
  });
});
