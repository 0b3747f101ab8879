// Every bad input of GET /api/v1/statements is the contract's error shape naming the field, never a 500,
// for JSON and CSV alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, beijingDay } from '@/server/gateway/beijing-time';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';

let server: RunningServer;
let tenant: PaymentsTenant;
let today: string;

beforeAll(async () => {
  server = await startAppServer();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
  for (const amount of [100, 200]) {
    const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { amount }));
    await tenant.client.request('POST', `/api/v1/sandbox/payments/${created.body.payment.serialNo}/pay`);
  }
  today = beijingDay(new Date());
});
afterAll(() => server?.close());

const get = (query: string, accept = 'application/json') => tenant.client.request('GET', `/api/v1/statements?${query}`, undefined, { headers: { accept } });

async function expectInvalid(query: string, field: string) {
  for (const accept of ['application/json', 'text/csv']) {
    const answer = await get(query, accept);
    expect(answer.status, `${query} (${accept})`).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.body.error.code).toBe('INVALID_REQUEST');
    expect(Object.keys(answer.body.error.details.fields), query).toContain(field);
  }
}

describe('GET /api/v1/statements rejects', () => {
  it('a malformed, impossible, missing or future date', async () => {
    const m = `merchantId=${tenant.merchantId}`;
    for (const date of ['2026-13-01', '2026-02-30', '2026-2-3', '20261207', '2026-12-07T00:00:00Z', 'yesterday', '']) {
      await expectInvalid(`${m}&date=${encodeURIComponent(date)}`, 'date');
    }
    await expectInvalid(m, 'date');
    await expectInvalid(`${m}&date=${addDays(today, 1)}`, 'date');
    await expectInvalid(`${m}&date=${today}&date=${today}`, 'date');
  });

  it('a limit outside 1..1000 or not a whole number', async () => {
    for (const limit of ['0', '1001', '-1', '1.5', 'ten', '']) {
      await expectInvalid(`merchantId=${tenant.merchantId}&date=${today}&limit=${limit}`, 'limit');
    }
    expect((await get(`merchantId=${tenant.merchantId}&date=${today}&limit=1000`)).status).toBe(200);
  });

  it('a cursor that is garbled, tampered with or of another day', async () => {
    const first = await get(`merchantId=${tenant.merchantId}&date=${today}&limit=1`);
    const cursor: string = first.body.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
    const [at, id] = decoded.split('|');
    const tampered = [
      'not a cursor',
      'AAAA',
      cursor.slice(0, -2),
      Buffer.from(`${at}|P1' OR 1=1`).toString('base64url'),
      Buffer.from(`${at}|${id}|extra`).toString('base64url'),
      Buffer.from(`2026-13-45T00:00:00.000Z|${id}`).toString('base64url'),
    ];
    for (const bad of tampered) await expectInvalid(`merchantId=${tenant.merchantId}&date=${today}&cursor=${encodeURIComponent(bad)}`, 'cursor');
    // Another day's statement does not take this day's cursor.
    await expectInvalid(`merchantId=${tenant.merchantId}&date=${addDays(today, -1)}&cursor=${cursor}`, 'cursor');
    const second = await get(`merchantId=${tenant.merchantId}&date=${today}&limit=1&cursor=${cursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].serialNo).not.toBe(first.body.items[0].serialNo);
  });

  it('a missing merchant or unknown parameter as 400; an unknown merchant as not granted', async () => {
    await expectInvalid(`date=${today}`, 'merchantId');
    await expectInvalid(`merchantId=${'m'.repeat(65)}&date=${today}`, 'merchantId');
    await expectInvalid(`merchantId=${tenant.merchantId}&date=${today}&page=2`, 'page');
    for (const accept of ['application/json', 'text/csv']) {
      const unknown = await get(`merchantId=mch_doesNotExist&date=${today}`, accept);
      expect(unknown.status).toBe(403);
      expect(unknown.body.error.code).toBe('MERCHANT_NOT_GRANTED');
    }
  });
});
