// The OpenAPI document agrees with the live routes: every app/api/v1 route and method it serves is
// documented, every documented operation is served, and real answers have the documented shape.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createdPaymentAnswer, paymentAnswer, refundAnswer } from '@/server/contract/answers';
import { eventFeed } from '@/server/contract/event';
import { paymentObject } from '@/server/contract/payment';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';

let server: RunningServer;
let tenant: PaymentsTenant;

beforeAll(async () => {
  server = await startAppServer();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
});
afterAll(async () => {
  await server?.close();
});

const API_DIR = path.resolve(import.meta.dirname, '..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Every route file under app/api/v1 as an OpenAPI path, `[name]` written `{name}`; not the catch-all. */
function routePaths(): string[] {
  return readdirSync(API_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'route.ts')
    .map((file) => `/api/v1/${path.dirname(file)}`.replace(/\/\.$/, '').replace(/\[(\w+)\]/g, '{$1}'))
    .filter((route) => !route.includes('[[...'))
    .sort();
}

const concrete = (template: string) => template.replace(/\{\w+\}/g, 'P00000000000000000000000000');

async function documentedOperations(): Promise<Set<string>> {
  const response = await fetch(`${server.baseUrl}/api/v1/openapi.json`);
  const doc = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
  return new Set(Object.entries(doc.paths).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`)));
}

describe('GET /api/v1/openapi.json', () => {
  it('is public and cacheable', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.json()).toMatchObject({ openapi: '3.1.1', info: { title: 'PayCenter application API' } });
  });

  it('documents exactly the operations the routes serve, and each documented one answers', async () => {
    const documented = await documentedOperations();
    const { body: unknownRoute } = await tenant.client.request('GET', '/api/v1/no-such-route');
    const served = new Set<string>();
    for (const route of routePaths()) {
      for (const method of METHODS) {
        const answer = await tenant.client.request(method, concrete(route), method === 'GET' ? undefined : {});
        // 405 is a method the route does not serve; the catch-all's 404 a path no route serves.
        expect(answer.body?.error?.message, `${method} ${route}`).not.toBe(unknownRoute.error.message);
        if (answer.status !== 405) served.add(`${method} ${route}`);
      }
    }
    expect([...served].sort()).toEqual([...documented].sort());
  });
});

describe('answers have the documented shape', () => {
  it('a payment, its lookup, its refund and its events', async () => {
    const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant));
    expect(created.status).toBe(201);
    const { payment } = createdPaymentAnswer.parse(created.body);
    // Nothing undocumented either: the answer has exactly the documented fields.
    expect(Object.keys(created.body.payment).sort()).toEqual(Object.keys(paymentObject.shape).sort());

    const paid = await tenant.client.request('POST', `/api/v1/sandbox/payments/${payment.serialNo}/pay`);
    expect(paymentAnswer.parse(paid.body).payment.status).toBe('SUCCEEDED');
    const refund = await tenant.client.request('POST', `/api/v1/payments/${payment.serialNo}/refunds`, { refundNo: `RF-${payment.serialNo.slice(-8)}`, amount: 100 });
    expect(refundAnswer.parse(refund.body).refund.amount).toBe(100);
    const feed = await tenant.client.request('GET', '/api/v1/events');
    expect(eventFeed.parse(feed.body).events.map((event) => event.type)).toEqual(expect.arrayContaining(['payment.succeeded']));
  });
});
