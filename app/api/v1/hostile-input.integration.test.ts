// Issue 23, findings 2 and 3 over HTTP: NUL and control characters anywhere a caller writes text,
// malformed serials, wrong methods, oversized bodies and prototype keys are all refused in the
// contract's error shape (a callback in its channel's own words), never a 500, and store nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSerialNo } from '@/server/core/serial-numbers';
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

const nothingStored = async () => ({ orders: await db().order.count(), refunds: await db().refund.count(), callbacks: await db().channelNotification.count() });

describe('NUL and control characters: 400 naming the field', () => {
  it.each([
    ['subject', { subject: '物业费\u0000' }, 'subject'],
    ['orderNo', { orderNo: 'A\u0000' }, 'orderNo'],
    ['merchantId', { merchantId: 'mch\u0000' }, 'merchantId'],
    ['returnUrl', { returnUrl: 'https://fee.example.com/\u0000' }, 'returnUrl'],
    ['a line break in returnUrl', { returnUrl: 'https://fee.exa\nmple.com/' }, 'returnUrl'],
    ['a line break in subject', { subject: '物业费\n2026' }, 'subject'],
    ['payer.openId', { payer: { openId: 'o\u0000' } }, 'payer.openId'],
    ['a metadata value', { metadata: { room: '12\u000001' } }, 'metadata.room'],
    ['an escape character in a metadata value', { metadata: { room: '\u001b[31m' } }, 'metadata.room'],
    ['a metadata key', { metadata: { 'ro\u0000om': '1201' } }, 'metadata.ro\u0000om'],
    ['an unknown key', { 'x\u0000': 1 }, 'x\u0000'],
  ])('in %s', async (_name, overrides, field) => {
    const before = await nothingStored();
    const answer = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, overrides));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'INVALID_REQUEST', details: { fields: { [field]: expect.any(String) } } });
    expect(await nothingStored()).toEqual(before);
  });

  it('keeps line breaks and tabs in a metadata value', async () => {
    const answer = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { metadata: { note: '第一行\n第二行\r\n\t缩进' } }));
    expect(answer.status).toBe(201);
    expect(answer.body.payment.metadata).toEqual({ note: '第一行\n第二行\r\n\t缩进' });
  });

  it('in a refund reason', async () => {
    const answer = await tenant.client.request('POST', `/api/v1/payments/${newSerialNo('P')}/refunds`, { refundNo: 'RF-1', amount: 1, reason: 'a\u0000b' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'INVALID_REQUEST', details: { fields: { reason: 'must not contain control characters' } } });
  });

  it.each([
    ['a value', '/api/v1/payments?merchantId=m&orderNo=A%00', 'orderNo'],
    ['a name', '/api/v1/payments?merchantId=m&orderNo=A&x%00=1', 'x\u0000'],
    ['a control character', '/api/v1/payments?channelTradeNo=2026%01', 'channelTradeNo'],
    ['a statement', `/api/v1/statements?merchantId=%00&date=2026-12-01`, 'merchantId'],
  ])('in a query parameter: %s', async (_name, path, field) => {
    const answer = await tenant.client.request('GET', path);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'INVALID_REQUEST', details: { fields: { [field]: 'must not contain control characters' } } });
  });

  it.each([
    ['POST', '/api/v1/payments/P%00/refunds', 'serialNo'],
    ['GET', '/api/v1/payments/P%00', 'serialNo'],
    ['POST', '/api/v1/payments/P%00/close', 'serialNo'],
    ['GET', '/api/v1/refunds/R%00', 'refundSerialNo'],
    ['GET', '/api/v1/splits/%00', 'splitSerialNo'],
  ])('in a path parameter: %s %s', async (method, path, field) => {
    const body = method === 'POST' ? { refundNo: 'RF-2', amount: 1 } : undefined;
    const answer = await tenant.client.request(method, path, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'INVALID_REQUEST', details: { fields: { [field]: 'must not contain control characters' } } });
  });
});

describe('serial numbers in the path are checked by shape before any lookup', () => {
  it.each([
    ['POST', '/api/v1/payments/P1/refunds'],
    ['POST', `/api/v1/payments/${newSerialNo('R')}/refunds`],
    ['POST', "/api/v1/payments/P'%20OR%201=1/splits"],
    ['POST', '/api/v1/payments/x/splits/finish'],
    ['POST', '/api/v1/sandbox/payments/x/pay'],
    ['GET', `/api/v1/refunds/${newSerialNo('P')}`],
  ])('%s %s: 404', async (method, path) => {
    const answer = await tenant.client.request(method, path, method === 'POST' ? { refundNo: 'RF-3', amount: 1 } : undefined);
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NOT_FOUND');
  });
});

describe('wrong methods: 405 in the contract shape with an Allow header', () => {
  it.each([
    ['PUT', '/api/v1/payments', 'GET, HEAD, OPTIONS, POST'],
    ['DELETE', `/api/v1/payments/${newSerialNo('P')}`, 'GET, HEAD, OPTIONS'],
    ['GET', `/api/v1/payments/${newSerialNo('P')}/refunds`, 'OPTIONS, POST'],
    ['PATCH', `/api/v1/payments/${newSerialNo('P')}/close`, 'OPTIONS, POST'],
    ['POST', '/api/v1/events', 'GET, HEAD, OPTIONS'],
    ['POST', '/api/v1/statements', 'GET, HEAD, OPTIONS'],
    ['PUT', `/api/v1/refunds/${newSerialNo('R')}`, 'GET, HEAD, OPTIONS'],
    ['DELETE', `/api/v1/splits/${newSerialNo('S')}`, 'GET, HEAD, OPTIONS'],
    ['GET', `/api/v1/payments/${newSerialNo('P')}/splits`, 'OPTIONS, POST'],
    ['GET', `/api/v1/payments/${newSerialNo('P')}/splits/finish`, 'OPTIONS, POST'],
    ['GET', `/api/v1/sandbox/payments/${newSerialNo('P')}/pay`, 'OPTIONS, POST'],
    ['GET', `/api/v1/sandbox/payments/${newSerialNo('P')}/fail`, 'OPTIONS, POST'],
  ])('%s %s', async (method, path, allow) => {
    const answer = await tenant.client.request(method, path);
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe(allow);
    expect(answer.body.error).toMatchObject({ code: 'METHOD_NOT_ALLOWED', details: { allowed: allow.split(', ') } });
  });

  it('HEAD on a route without GET is 405 too, with no body', async () => {
    const answer = await fetch(`${server.baseUrl}/api/v1/payments/${newSerialNo('P')}/refunds`, { method: 'HEAD' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('OPTIONS, POST');
  });
});

describe('bodies', () => {
  it('over 64 KiB: 413 PAYLOAD_TOO_LARGE', async () => {
    const answer = await tenant.client.request('POST', '/api/v1/payments', undefined, { rawBody: JSON.stringify(paymentRequest(tenant, { subject: 'x'.repeat(70_000) })) });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limit: 65536 } });
  });

  it.each(['__proto__', 'constructor', 'toString'])('a top-level %s key is named as unknown', async (key) => {
    const raw = JSON.stringify(paymentRequest(tenant)).replace(/^\{/, `{"${key}":{},`);
    const answer = await tenant.client.request('POST', '/api/v1/payments', undefined, { rawBody: raw });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.fields).toEqual({ [key]: 'is not a known field' });
    expect(answer.body.error.message).toBe(`Invalid field: ${key}`);
  });

  it('metadata.__proto__ is refused by name, not silently dropped', async () => {
    const before = await nothingStored();
    const raw = JSON.stringify(paymentRequest(tenant, { metadata: { room: '1201' } })).replace('"metadata":{', '"metadata":{"__proto__":"x",');
    const answer = await tenant.client.request('POST', '/api/v1/payments', undefined, { rawBody: raw });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.fields).toEqual({ 'metadata.__proto__': 'is a reserved key' });
    expect(await nothingStored()).toEqual(before);
  });

  it('the metadata keys constructor and toString are kept', async () => {
    const metadata = { constructor: '业主', toString: '1201', hasOwnProperty: 'x' };
    const answer = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { metadata }));
    expect(answer.status).toBe(201);
    expect(answer.body.payment.metadata).toEqual(metadata);
    const found = await tenant.client.request('GET', `/api/v1/payments/${answer.body.payment.serialNo}`);
    expect(found.body.payment.metadata).toEqual(metadata);
  });
});

describe('channel callbacks with a NUL: refused in the channel format, nothing stored', () => {
  it.each([
    ['a form field', 'out_trade_no=P%00&trade_status=TRADE_SUCCESS', '', 'alipay'],
    ['a raw NUL', 'out_trade_no=P\u0000', '', 'alipay'],
    ['the query', '', '?out_trade_no=%00', 'easypay'],
  ])('%s', async (_name, body, query, channel) => {
    const before = await nothingStored();
    const answer = await fetch(`${server.baseUrl}/api/channels/${channel}/notify/${tenant.paymentId}${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toBe('fail');
    expect(await nothingStored()).toEqual(before);
  });

  it('a JSON escape (WeChat Pay) and a NUL in the payment ID', async () => {
    const json = await fetch(`${server.baseUrl}/api/channels/wechatpay/notify/${tenant.paymentId}`, { method: 'POST', body: '{"id":"\\u0000"}' });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ code: 'FAIL' });
    const path = await fetch(`${server.baseUrl}/api/channels/alipay/notify/pay%00`, { method: 'POST', body: 'a=b' });
    expect(path.status).toBe(400);
    expect(await db().channelNotification.count()).toBe(0);
  });
});
