// Two PayCenter server processes on one database, as in production behind a load balancer: the same
// callbacks and refunds sent to both at once keep every guarantee of a single instance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateAppSecret } from '@/server/backend/apps/rotate-app-secret';
import { db } from '@/server/db/client';
import { appApiClient } from '@/server/testing/app-api-client';
import { paidTradeNotify, paymentRequest, paymentsTenant, postNotify, type PaymentsTenant } from '@/server/testing/payments-api';
import { spawnAppServer, type SpawnedAppServer } from '@/server/testing/spawn-app-server';

let first: SpawnedAppServer;
let second: SpawnedAppServer;
let tenant: PaymentsTenant;
let secret: string;

beforeAll(async () => {
  // The first instance serves the public base URL (channel callbacks, the simulator); the second any port.
  [first, second] = await Promise.all([
    spawnAppServer({ port: Number(new URL(process.env.PAYCENTER_BASE_URL!).port) }),
    spawnAppServer({ port: 0 }),
  ]);
  tenant = await paymentsTenant({ baseUrl: first.baseUrl });
  // The fixture's client keeps its secret to itself; this test signs for both instances.
  secret = (await rotateAppSecret({ actor: tenant.admin, input: { appId: tenant.app.id } })).secret;
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

const clients = () => [first, second].map((instance) => appApiClient({ baseUrl: instance.baseUrl, appId: tenant.app.id, secret }));

describe('two server processes', () => {
  it('the same callback to both instances 50 times each: one state change, one event', async () => {
    const [a] = clients();
    const created = await a!.request('POST', '/api/v1/payments', paymentRequest(tenant, { invokeMethod: 'QR' }));
    expect(created.status).toBe(201);
    const serialNo = created.body.payment.serialNo as string;
    const body = await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo });
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => postNotify((i % 2 ? second : first).baseUrl, tenant.paymentId, body).then((r) => r.text())),
    );
    expect(new Set(answers)).toEqual(new Set(['success']));
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ status: 'SUCCEEDED' });
    expect(await db().outboxEvent.count({ where: { serialNo, type: 'payment.succeeded' } })).toBe(1);
  });

  it('50 refunds of a tenth plus one fen split over both instances: never more than paid, each 201 or 422', async () => {
    const [a, b] = clients();
    const created = await a!.request('POST', '/api/v1/payments', paymentRequest(tenant, { amount: 1000 }));
    const serialNo = created.body.payment.serialNo as string;
    expect((await b!.request('POST', `/api/v1/sandbox/payments/${serialNo}/pay`)).body.payment.status).toBe('SUCCEEDED');

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? b! : a!).request('POST', `/api/v1/payments/${serialNo}/refunds`, { refundNo: `R-${serialNo.slice(-6)}-${i}`, amount: 101 })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 201 || status === 422)).toBe(true);
    expect(statuses.filter((status) => status === 201)).toHaveLength(9);
    for (const refused of answers.filter((answer) => answer.status === 422)) expect(refused.body.error.code).toBe('REFUND_AMOUNT_EXCEEDED');

    const payment = await db().payment.findUniqueOrThrow({ where: { serialNo } });
    const refunds = await db().refund.findMany({ where: { serialNo } });
    expect(payment.refundReservedAmount).toBe(909);
    expect(payment.refundedAmount).toBe(refunds.filter((r) => r.status === 'SUCCEEDED').reduce((sum, r) => sum + r.amount, 0));
    expect(refunds.filter((r) => r.status !== 'FAILED').reduce((sum, r) => sum + r.amount, 0)).toBe(909);
    const trade = await db().sandboxAlipayTrade.findFirstOrThrow({ where: { outTradeNo: serialNo } });
    expect(trade.refundedFen).toBe(payment.refundedAmount);
  });
});
