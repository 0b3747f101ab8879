import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { registerApp } from '@/server/backend/apps/register-app';
import { revokeAppSecret, rotateAppSecret } from '@/server/backend/apps/rotate-app-secret';
import { setAppStatus } from '@/server/backend/apps/set-app-status';
import type { Actor } from '@/server/backend/audit/record-audit';
import { appApiClient, signedHeaders } from '@/server/testing/app-api-client';
import { startAppServer } from '@/server/testing/app-server';
import { platformAdmin } from '@/server/testing/fixtures';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { appRoute } from './app-route';
import { authenticateAppRequest } from './authenticate-app';

// A route of this test only, served beside the project's real routes: it echoes what appRoute gave it.
const echo = appRoute<{ id: string }>(async ({ app, params, url, rawBody, requestId, clientIp }) => ({
  status: 200,
  body: { app, params, query: url.search, rawBody, requestId, clientIp },
}));
const failing = appRoute<Record<string, never>>(async ({ url }) => {
  if (url.searchParams.get('kind') === 'conflict') throw new AppError('ORDER_CONFLICT', undefined, { orderNo: 'A1' });
  throw new Error('duplicate key value violates unique constraint "AppSecret_pkey" at SELECT sealed FROM "AppSecret"');
});

let server: RunningServer;
let admin: Actor;

beforeAll(async () => {
  admin = await platformAdmin();
  server = await startAppServer({ routes: { '/api/v1/test/echo/[id]': { GET: echo, POST: echo }, '/api/v1/test/failing': { POST: failing } } });
});
afterAll(() => server?.close());

async function newApp(input: { ipAllowlist?: string[] } = {}) {
  const { app, secret } = await registerApp({
    actor: admin,
    input: { name: `收费系统 ${Math.random().toString(36).slice(2, 8)}`, description: null, defaultNotifyUrl: 'https://fee.example.com/hooks', ipAllowlist: input.ipAllowlist ?? [] },
  });
  return { app, secret, client: appApiClient({ baseUrl: server.baseUrl, appId: app.id, secret }) };
}

const nonceCount = (appId: string) => db().apiNonce.count({ where: { appId } });
const nowSeconds = () => Math.floor(Date.now() / 1000);
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe('app request authentication over HTTP', () => {
  it('accepts a correctly signed request and hands the route the app, params and exact body', async () => {
    const { app, client } = await newApp();
    const get = await client.request('GET', '/api/v1/test/echo/abc?orderNo=%E8%AE%A2%E5%8D%95-1&x=1');
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(get.headers.get('x-request-id')).toBe(get.body.requestId);
    expect(get.body).toMatchObject({
      app: { id: app.id, name: app.name, defaultNotifyUrl: 'https://fee.example.com/hooks' },
      params: { id: 'abc' },
      query: '?orderNo=%E8%AE%A2%E5%8D%95-1&x=1',
      rawBody: '',
      clientIp: '127.0.0.1',
    });
    expect(Object.keys(get.body.app).sort()).toEqual(['defaultNotifyUrl', 'id', 'name']);

    const rawBody = '{"subject":"物业费 2026-11", "amount":1000}';
    const post = await client.request('POST', '/api/v1/test/echo/abc', undefined, { rawBody });
    expect(post.status).toBe(200);
    expect(post.body.rawBody).toBe(rawBody);
    expect(await nonceCount(app.id)).toBe(2);
  });

  it('refuses a forged signature, a tampered body and a tampered path, storing no nonce', async () => {
    const { app, client, secret } = await newApp();
    const forged = await client.request('GET', '/api/v1/test/echo/a', undefined, { secret: 'pcs_guessed' });
    expect(forged.status).toBe(401);
    expect(forged.body).toEqual({ error: { code: 'INVALID_SIGNATURE', message: 'The request signature is invalid.' } });

    const headers = signedHeaders({ appId: app.id, secret, method: 'POST', pathWithQuery: '/api/v1/test/echo/a', rawBody: '{"amount":1}' });
    const tamperedBody = await fetch(`${server.baseUrl}/api/v1/test/echo/a`, { method: 'POST', headers, body: '{"amount":100000}' });
    expect(tamperedBody.status).toBe(401);
    const tamperedPath = await fetch(`${server.baseUrl}/api/v1/test/echo/b`, { method: 'POST', headers, body: '{"amount":1}' });
    expect(tamperedPath.status).toBe(401);
    const tamperedMethod = await fetch(`${server.baseUrl}/api/v1/test/echo/a`, { method: 'GET', headers });
    expect(tamperedMethod.status).toBe(401);
    expect((await tamperedBody.json()).error.code).toBe('INVALID_SIGNATURE');
    expect(await nonceCount(app.id)).toBe(0);
  });

  it('answers an unknown app id exactly as a wrong secret', async () => {
    const { app } = await newApp();
    const unknown = await appApiClient({ baseUrl: server.baseUrl, appId: 'app_DoesNotExist0000000', secret: 'pcs_x' }).request('GET', '/api/v1/test/echo/a');
    const wrongSecret = await appApiClient({ baseUrl: server.baseUrl, appId: app.id, secret: 'pcs_x' }).request('GET', '/api/v1/test/echo/a');
    expect(unknown.status).toBe(401);
    expect(wrongSecret.status).toBe(401);
    expect(unknown.body).toEqual(wrongSecret.body);
    expect(await nonceCount(app.id)).toBe(0);
  });

  it('accepts either secret during a rotation and refuses a revoked one', async () => {
    const { app, client, secret: first } = await newApp();
    const second = await rotateAppSecret({ actor: admin, input: { appId: app.id } });
    expect((await client.request('GET', '/api/v1/test/echo/a')).status).toBe(200);
    expect((await client.request('GET', '/api/v1/test/echo/a', undefined, { secret: second.secret })).status).toBe(200);

    const old = await db().appSecret.findFirstOrThrow({ where: { appId: app.id, id: { not: second.secretId } } });
    await revokeAppSecret({ actor: admin, input: { appId: app.id, secretId: old.id } });
    const revoked = await client.request('GET', '/api/v1/test/echo/a', undefined, { secret: first });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('INVALID_SIGNATURE');
    expect((await client.request('GET', '/api/v1/test/echo/a', undefined, { secret: second.secret })).status).toBe(200);
    expect(await nonceCount(app.id)).toBe(3);
  });

  it('refuses stale and future timestamps before looking at the signature', async () => {
    const { app, client } = await newApp();
    for (const timestamp of [nowSeconds() - 600, nowSeconds() + 600, 0]) {
      const answer = await client.request('GET', '/api/v1/test/echo/a', undefined, { timestamp });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('TIMESTAMP_OUT_OF_RANGE');
    }
    const staleAndForged = await client.request('GET', '/api/v1/test/echo/a', undefined, { timestamp: nowSeconds() - 600, secret: 'pcs_x' });
    expect(staleAndForged.body.error.code).toBe('TIMESTAMP_OUT_OF_RANGE');
    expect(await nonceCount(app.id)).toBe(0);
  });

  it('refuses a replayed nonce, also when 20 copies race, and keeps nonces per app', async () => {
    const { app, client } = await newApp();
    const nonce = 'ReplayNonce0000000000001';
    expect((await client.request('POST', '/api/v1/test/echo/a', { amount: 1 }, { nonce })).status).toBe(200);
    const replay = await client.request('POST', '/api/v1/test/echo/a', { amount: 1 }, { nonce });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('REPLAYED_REQUEST');

    const other = await newApp();
    expect((await other.client.request('POST', '/api/v1/test/echo/a', { amount: 1 }, { nonce })).status).toBe(200);

    // The very same signed request sent 20 times at once: exactly one gets through.
    const rawBody = '{"amount":2}';
    const headers = client.signedHeaders('POST', '/api/v1/test/echo/a', rawBody, { nonce: 'RaceNonce00000000000000000001' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${server.baseUrl}/api/v1/test/echo/a`, { method: 'POST', headers, body: rawBody }).then(async (r) => ({ status: r.status, body: await r.json() }))),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 401 && a.body.error.code === 'REPLAYED_REQUEST')).toHaveLength(19);
    expect(await nonceCount(app.id)).toBe(2);
  });

  it('refuses malformed or missing authentication headers, naming each', async () => {
    const { app, client } = await newApp();
    for (const nonce of ['short123456789a', 'x'.repeat(65), 'has-a-dash-in-it-0000', 'ünïcödé0000000000000']) {
      const answer = await client.request('GET', '/api/v1/test/echo/a', undefined, { nonce });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'INVALID_REQUEST', details: { fields: { 'X-PayCenter-Nonce': expect.any(String) } } });
    }
    expect((await client.request('GET', '/api/v1/test/echo/a', undefined, { nonce: 'a'.repeat(16) })).status).toBe(200);
    expect((await client.request('GET', '/api/v1/test/echo/a', undefined, { nonce: 'B'.repeat(64) })).status).toBe(200);

    const bare = await fetch(`${server.baseUrl}/api/v1/test/echo/a`);
    expect(bare.status).toBe(400);
    expect(Object.keys((await bare.json()).error.details.fields).sort()).toEqual([
      'X-PayCenter-App-Id',
      'X-PayCenter-Nonce',
      'X-PayCenter-Signature',
      'X-PayCenter-Timestamp',
    ]);
    const upperHex = await client.request('GET', '/api/v1/test/echo/a', undefined, {
      headers: { 'X-PayCenter-Signature': client.signedHeaders('GET', '/api/v1/test/echo/a')['X-PayCenter-Signature']!.toUpperCase() },
    });
    expect(upperHex.body.error.details.fields).toHaveProperty('X-PayCenter-Signature');
    expect(await nonceCount(app.id)).toBe(2);
  });

  it('says an app is disabled only to a request signed by its secret', async () => {
    const { app, client } = await newApp();
    await setAppStatus({ actor: admin, input: { appId: app.id, status: 'DISABLED' } });
    const signed = await client.request('GET', '/api/v1/test/echo/a');
    expect(signed.status).toBe(401);
    expect(signed.body.error.code).toBe('APP_DISABLED');
    const forged = await client.request('GET', '/api/v1/test/echo/a', undefined, { secret: 'pcs_x' });
    expect(forged.body.error.code).toBe('INVALID_SIGNATURE');
    expect(await nonceCount(app.id)).toBe(0);

    await setAppStatus({ actor: admin, input: { appId: app.id, status: 'ACTIVE' } });
    expect((await client.request('GET', '/api/v1/test/echo/a')).status).toBe(200);
  });

  it('checks the IP allowlist against the TCP peer: no header a client sends can pretend (no trusted proxy)', async () => {
    const { app, client } = await newApp({ ipAllowlist: ['10.9.9.9'] });
    const spoofs: Array<Record<string, string>> = [{ 'X-Forwarded-For': '10.9.9.9' }, { 'X-Forwarded-For': '127.0.0.1, 10.9.9.9' }, { 'X-Real-IP': '10.9.9.9' }, { 'X-PayCenter-Peer': '10.9.9.9' }];
    for (const headers of spoofs) {
      const refused = await client.request('GET', '/api/v1/test/echo/a', undefined, { headers });
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.body.error).toEqual({ code: 'IP_NOT_ALLOWED', message: expect.any(String) });
    }
    expect(await nonceCount(app.id)).toBe(0);

    const { client: local } = await newApp({ ipAllowlist: ['127.0.0.0/8'] });
    const allowed = await local.request('GET', '/api/v1/test/echo/a', undefined, { headers: { 'X-Forwarded-For': '203.0.113.9', 'X-PayCenter-Peer': '203.0.113.9' } });
    expect(allowed.status).toBe(200);
    expect(allowed.body.clientIp).toBe('127.0.0.1');
  });

  it('answers a 10 MB body with 413 PAYLOAD_TOO_LARGE, and keeps serving', async () => {
    const { app, client, secret } = await newApp();
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const declared = await client.request('POST', '/api/v1/test/echo/a', undefined, { rawBody: huge });
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limit: 65536 } });

    // Streamed without a length: refused once it passes the limit.
    const chunk = new Uint8Array(64 * 1024).fill(120);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const headers = signedHeaders({ appId: app.id, secret, method: 'POST', pathWithQuery: '/api/v1/test/echo/a', rawBody: '' });
    const streamed = await fetch(`${server.baseUrl}/api/v1/test/echo/a`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limit: 65536 } });

    // Exactly at the limit is fine.
    expect((await client.request('POST', '/api/v1/test/echo/a', undefined, { rawBody: 'y'.repeat(64 * 1024) })).status).toBe(200);
    expect(await nonceCount(app.id)).toBe(1);
  });

  it('stops reading an oversized body at the limit instead of buffering it', async () => {
    const { app, secret } = await newApp();
    let produced = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          produced += 16 * 1024;
          controller.enqueue(new Uint8Array(16 * 1024));
          if (produced >= 10 * 1024 * 1024) controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const headers = signedHeaders({ appId: app.id, secret, method: 'POST', pathWithQuery: '/api/v1/test/echo/a', rawBody: '' });
    const request = new Request('http://127.0.0.1/api/v1/test/echo/a', { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    const response = await echo(request, { params: Promise.resolve({ id: 'a' }) });
    expect(response.status).toBe(413);
    expect(produced).toBeLessThanOrEqual(64 * 1024 + 2 * 16 * 1024);
  });

  it('maps handler errors to the contract shape and never leaks internals', async () => {
    const { client } = await newApp();
    const conflict = await client.request('POST', '/api/v1/test/failing?kind=conflict', {});
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({ error: { code: 'ORDER_CONFLICT', message: 'An order with this number exists with different details.', details: { orderNo: 'A1' } } });

    const crash = await client.request('POST', '/api/v1/test/failing', {}, { headers: { 'X-Request-Id': 'support-ticket-42' } });
    expect(crash.status).toBe(500);
    expect(crash.body).toEqual({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side.' } });
    expect(crash.headers.get('x-request-id')).toBe('support-ticket-42');
  });

  it('answers unknown API routes 404 in the contract shape, for every method', async () => {
    for (const [method, path] of [['GET', '/api/v1/nope'], ['POST', '/api/v1/payments/P1/unknown/deeper'], ['DELETE', '/api/v1/refunds'], ['PATCH', '/api/v1/x']]) {
      const answer = await fetch(`${server.baseUrl}${path}`, { method: method! });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await answer.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No such API route.' } });
    }
  });
});

describe('authenticateAppRequest', () => {
  it('accepts timestamps up to 300 s either way and refuses 301 s, storing nothing for those', async () => {
    const { app, secret } = await newApp();
    const now = new Date(1_795_000_000_000);
    const attempt = (offset: number) => {
      const timestamp = 1_795_000_000 + offset;
      const headers = new Headers(signedHeaders({ appId: app.id, secret, method: 'GET', pathWithQuery: '/api/v1/refunds/R1', rawBody: '', timestamp }));
      return codeOf(authenticateAppRequest({ headers, method: 'GET', pathWithQuery: '/api/v1/refunds/R1', rawBody: '', clientIp: null, now }));
    };
    expect(await attempt(-300)).toBe('ok');
    expect(await attempt(300)).toBe('ok');
    expect(await attempt(-301)).toBe('TIMESTAMP_OUT_OF_RANGE');
    expect(await attempt(301)).toBe('TIMESTAMP_OUT_OF_RANGE');
    const rows = await db().apiNonce.findMany({ where: { appId: app.id } });
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.createdAt.getTime() === now.getTime())).toBe(true);
  });
});
