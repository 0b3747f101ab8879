// The refund endpoints of api-contract.md over HTTP: the real route handlers with app authentication,
// served with the simulator on this file's base URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import type { PaymentsTenant } from '@/server/testing/payments-api';
import { alipayTenant, NOTIFY_SINK_PATH, paidAlipayPayment } from '@/server/testing/paid-payment';

let server: RunningServer;
let tenant: PaymentsTenant;

beforeAll(async () => {
  server = await startAppServer({ routes: { [NOTIFY_SINK_PATH]: { POST: async () => new Response('success') } } });
  tenant = await alipayTenant();
});
afterAll(() => server?.close());

describe('POST /api/v1/payments/{serialNo}/refunds and GET /api/v1/refunds/{refundSerialNo}', () => {
  it('answers 201 with the refund, 200 for the same refundNo again, 409 for another amount, and reads it back', async () => {
    const { payment } = await paidAlipayPayment({ amount: 1000, tenant });
    const path = `/api/v1/payments/${payment.serialNo}/refunds`;
    const created = await tenant.client.request('POST', path, { refundNo: 'HTTP-1', amount: 300, reason: '多收退费' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      refund: {
        refundSerialNo: expect.stringMatching(/^R\d{17}[0-9A-Za-z]{13}$/),
        refundNo: 'HTTP-1',
        serialNo: payment.serialNo,
        amount: 300,
        status: 'SUCCEEDED',
        channelRefundNo: expect.any(String),
        reason: '多收退费',
        createdAt: expect.any(String),
        succeededAt: expect.any(String),
      },
    });
    const repeat = await tenant.client.request('POST', path, { refundNo: 'HTTP-1', amount: 300, reason: '多收退费' });
    expect(repeat.status).toBe(200);
    expect(repeat.body.refund.refundSerialNo).toBe(created.body.refund.refundSerialNo);
    const conflict = await tenant.client.request('POST', path, { refundNo: 'HTTP-1', amount: 400 });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('REFUND_CONFLICT');

    const read = await tenant.client.request('GET', `/api/v1/refunds/${created.body.refund.refundSerialNo}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('answers 422 with the refundable amount, and 400 naming each bad field without changing anything', async () => {
    const { payment } = await paidAlipayPayment({ amount: 1000, tenant });
    const path = `/api/v1/payments/${payment.serialNo}/refunds`;
    const tooMuch = await tenant.client.request('POST', path, { refundNo: 'HTTP-2', amount: 1001 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error).toMatchObject({ code: 'REFUND_AMOUNT_EXCEEDED', details: { refundableAmount: 1000 } });

    const bad = await tenant.client.request('POST', path, { refundNo: 'no spaces!', amount: 1.5, reason: 'x'.repeat(257), extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_REQUEST');
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(['amount', 'extra', 'reason', 'refundNo']);
    const missing = await tenant.client.request('POST', path, {});
    expect(Object.keys(missing.body.error.details.fields).sort()).toEqual(['amount', 'refundNo']);
    expect(await db().refund.count({ where: { serialNo: payment.serialNo } })).toBe(0);
  });

  it('answers 404 for another app’s payment and refund', async () => {
    const { payment } = await paidAlipayPayment({ amount: 1000, tenant });
    const mine = await tenant.client.request('POST', `/api/v1/payments/${payment.serialNo}/refunds`, { refundNo: 'HTTP-3', amount: 100 });
    const stranger = await alipayTenant();
    const theirs = stranger.client;
    const refund = await theirs.request('POST', `/api/v1/payments/${payment.serialNo}/refunds`, { refundNo: 'HTTP-3', amount: 100 });
    expect(refund.status).toBe(404);
    expect(refund.body.error.code).toBe('NOT_FOUND');
    const read = await theirs.request('GET', `/api/v1/refunds/${mine.body.refund.refundSerialNo}`);
    expect(read.status).toBe(404);
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo: payment.serialNo } })).toMatchObject({ refundReservedAmount: 100 });
  });
});
