// Everything the payments API must refuse, each with its contract code, and with nothing stored:
// malformed bodies, forged / stale / replayed / unknown requests, revoked grants, disabled merchants.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantMerchant, revokeGrant } from '@/server/backend/grants/grant-merchant';
import { setMerchantStatus } from '@/server/backend/merchants/set-merchant-status';
import { db } from '@/server/db/client';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';

let server: RunningServer;
let tenant: PaymentsTenant;

beforeAll(async () => {
  server = await startAppServer();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
});

afterAll(() => server?.close());

/** Nothing of a payment may be stored by a refused request. */
async function expectNothingStored(): Promise<void> {
  expect(await db().order.count()).toBe(0);
  expect(await db().payment.count()).toBe(0);
  expect(await db().outboxEvent.count()).toBe(0);
  expect(await db().sandboxAlipayTrade.count()).toBe(0);
}

describe('malformed bodies: 400 naming the field, nothing stored, never a 500', () => {
  it.each([
    ['amount as a string', { amount: '1000' }, 'amount'],
    ['negative amount', { amount: -1 }, 'amount'],
    ['zero amount', { amount: 0 }, 'amount'],
    ['fractional amount', { amount: 10.5 }, 'amount'],
    ['huge amount', { amount: 1e20 }, 'amount'],
    ['amount beyond the limit', { amount: 100_000_001 }, 'amount'],
    ['another currency', { currency: 'USD' }, 'currency'],
    ['unknown invoke method', { invokeMethod: 'POS' }, 'invokeMethod'],
    ['orderNo with spaces', { orderNo: 'ORDER 1' }, 'orderNo'],
    ['orderNo too long', { orderNo: 'A'.repeat(65) }, 'orderNo'],
    ['empty subject', { subject: '' }, 'subject'],
    ['missing merchantId', { merchantId: undefined }, 'merchantId'],
    ['returnUrl not http', { returnUrl: 'javascript:alert(1)' }, 'returnUrl'],
    ['expiry too short', { expiresInSeconds: 5 }, 'expiresInSeconds'],
    ['metadata with a number', { metadata: { room: 1201 } }, 'metadata.room'],
    ['unknown field', { amountYuan: '10.00' }, 'amountYuan'],
    ['unknown payer field', { payer: { openid: 'x' } }, 'payer.openid'],
    ['bad client IP', { payer: { clientIp: '999.1.1.1' } }, 'payer.clientIp'],
    ['unknown payment ID', { paymentId: 'pay_doesnotexist' }, 'paymentId'],
  ])('%s', async (_name, overrides, field) => {
    const answer = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, overrides));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('INVALID_REQUEST');
    expect(Object.keys(answer.body.error.details.fields)).toContain(field);
    await expectNothingStored();
  });

  it.each([
    ['broken JSON', '{"merchantId": "x", '],
    ['a JSON array', '[1,2,3]'],
    ['an empty body', ''],
    ['not JSON at all', 'amount=1000'],
  ])('%s', async (_name, rawBody) => {
    const answer = await tenant.client.request('POST', '/api/v1/payments', undefined, { rawBody });
    expect([answer.status, answer.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
    expect(answer.body.error.details.fields).toHaveProperty(['(body)']);
    await expectNothingStored();
  });

  it('a 10 MB body is refused with 413 and not read whole', async () => {
    const rawBody = JSON.stringify(paymentRequest(tenant, { subject: 'x'.repeat(10 * 1024 * 1024) }));
    const answer = await tenant.client.request('POST', '/api/v1/payments', undefined, { rawBody });
    expect([answer.status, answer.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(answer.body.error.details).toEqual({ limit: 65536 });
    await expectNothingStored();
  });

  it('an unknown route is 404 in the contract’s shape', async () => {
    const answer = await tenant.client.request('GET', '/api/v1/nothing-here');
    expect([answer.status, answer.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('authentication and access: rejected with their code, nothing stored', () => {
  const post = (overrides: Parameters<PaymentsTenant['client']['request']>[3]) => tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant), overrides);

  it('a forged signature', async () => {
    const answer = await post({ secret: 'pcs_not-the-secret' });
    expect([answer.status, answer.body.error.code]).toEqual([401, 'INVALID_SIGNATURE']);
    await expectNothingStored();
  });

  it('a body changed after signing', async () => {
    const signed = JSON.stringify(paymentRequest(tenant));
    const headers = tenant.client.signedHeaders('POST', '/api/v1/payments', signed);
    const response = await fetch(`${server.baseUrl}/api/v1/payments`, { method: 'POST', headers, body: signed.replace('"amount":1000', '"amount":1') });
    expect(response.status).toBe(401);
    await expectNothingStored();
  });

  it('a stale timestamp', async () => {
    const answer = await post({ timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect([answer.status, answer.body.error.code]).toEqual([401, 'TIMESTAMP_OUT_OF_RANGE']);
    await expectNothingStored();
  });

  it('a replayed nonce', async () => {
    const first = await tenant.client.request('GET', '/api/v1/payments/P00000000000000000xxxxxxxxxxxxx', undefined, { nonce: 'replayedNonce0123456789' });
    expect(first.status).toBe(404);
    const replay = await post({ nonce: 'replayedNonce0123456789' });
    expect([replay.status, replay.body.error.code]).toEqual([401, 'REPLAYED_REQUEST']);
    await expectNothingStored();
  });

  it('an unknown app answers exactly as a wrong secret', async () => {
    const unknown = await post({ headers: { 'X-PayCenter-App-Id': 'app_doesnotexist00000000' } });
    const wrongSecret = await post({ secret: 'pcs_wrong' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toEqual(wrongSecret.body.error);
    await expectNothingStored();
  });

  it('a revoked grant: 403 MERCHANT_NOT_GRANTED', async () => {
    await revokeGrant({ actor: tenant.companyAdmin, input: { appId: tenant.app.id, merchantId: tenant.merchantId } });
    try {
      const answer = await post({});
      expect([answer.status, answer.body.error.code]).toEqual([403, 'MERCHANT_NOT_GRANTED']);
      await expectNothingStored();
    } finally {
      await grantMerchant({ actor: tenant.companyAdmin, input: { appId: tenant.app.id, merchantId: tenant.merchantId } });
    }
  });

  it('a disabled merchant: 422 MERCHANT_DISABLED', async () => {
    await setMerchantStatus({ actor: tenant.companyAdmin, input: { merchantId: tenant.merchantId, status: 'DISABLED' } });
    try {
      const answer = await post({});
      expect([answer.status, answer.body.error.code]).toEqual([422, 'MERCHANT_DISABLED']);
      await expectNothingStored();
    } finally {
      await setMerchantStatus({ actor: tenant.companyAdmin, input: { merchantId: tenant.merchantId, status: 'ACTIVE' } });
    }
  });
});
