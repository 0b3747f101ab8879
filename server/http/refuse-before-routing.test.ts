// The refusals PayCenter's HTTP entry gives before Next routes a request, on a real node:http server
// whose other requests fall through (204): the request line exactly as a client sent it.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseBeforeRouting } from './refuse-before-routing';

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((incoming, outgoing) => {
    if (!refuseBeforeRouting(incoming, outgoing)) outgoing.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method, path, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.once('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.once('error', reject);
    outgoing.end();
  });
}

describe('a path that does not decode', () => {
  it('answers the app API contract 400', async () => {
    const answer = await send('GET', '/api/v1/payments/%E0%A4%A/refunds', { 'x-request-id': 'req-12345678' });
    expect(answer.status).toBe(400);
    expect(answer.headers['x-request-id']).toBe('req-12345678');
    expect(JSON.parse(answer.text)).toEqual({ error: { code: 'INVALID_REQUEST', message: 'Invalid field: (path)', details: { fields: { '(path)': 'must be valid percent-encoded UTF-8' } } } });
    expect(JSON.parse((await send('GET', '/api/trpc/payments.list%zz')).text).error.code).toBe('INVALID_REQUEST');
  });

  it("answers a callback in its channel's words", async () => {
    const alipay = await send('POST', '/api/channels/alipay/notify/%C0%AF');
    expect([alipay.status, alipay.text]).toEqual([400, 'fail']);
    const wechatpay = await send('POST', '/api/channels/wechatpay/notify/%E0');
    expect([wechatpay.status, JSON.parse(wechatpay.text).code]).toEqual([400, 'FAIL']);
    const unknown = await send('POST', '/api/channels/paypal/notify/%E0');
    expect(JSON.parse(unknown.text).error.code).toBe('INVALID_REQUEST');
  });

  it('answers a page for the checkout and the dashboard', async () => {
    for (const path of ['/checkout/%E0%A4%A', '/checkout/%zz/receipt', '/payments/%E0']) {
      const answer = await send('GET', path);
      expect(answer.status, path).toBe(400);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.text).toContain('链接无效');
    }
  });

  it('lets a path that decodes through untouched (a broken escape in the query is the route’s to judge)', async () => {
    expect((await send('GET', '/api/v1/payments?orderNo=%E0')).status).toBe(204);
    expect((await send('GET', '/checkout/%E8%AE%A2')).status).toBe(204);
  });
});

describe('a method no route serves, and a doubled slash', () => {
  it('answers METHOD_NOT_ALLOWED under /api, the channel’s words on a callback, a plain 405 elsewhere', async () => {
    const api = await send('PROPFIND', '/api/v1/payments');
    expect([api.status, JSON.parse(api.text).error.code]).toEqual([405, 'METHOD_NOT_ALLOWED']);
    expect((await send('PROPFIND', '/api/channels/alipay/notify/pay_x')).text).toBe('fail');
    expect(await send('PROPFIND', '/login')).toMatchObject({ status: 405, text: 'Method Not Allowed' });
  });

  it('answers a doubled slash with a 400 naming the path, never a redirect', async () => {
    const answer = await send('GET', '/api/v1//payments');
    expect([answer.status, JSON.parse(answer.text).error.details.fields['(path)']]).toEqual([400, 'must not contain an empty segment (//)']);
  });

  it('lets the route methods through', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']) expect((await send(method, '/api/v1/payments')).status, method).toBe(204);
  });
});
