// The production build's answers on the dashboard: no page can be framed or sniffed, the CSP does
// not get in the way of the dashboard itself (Next's inline scripts, the overview's charts), and a
// client cannot pick its own address.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, db } from '@/server/db/client';
import { appApiClient } from '@/server/testing/app-api-client';
import { launchBrowser, newPage } from './support/browser';
import { signIn } from './support/dashboard';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  connectDatabase(inject('databaseUrl'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db().$disconnect();
});

function expectLockedDown(headers: Record<string, string>, path: string) {
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(csp, path).toContain("default-src 'self'");
  expect(csp, path).not.toContain('unsafe-eval');
  expect(headers['x-frame-options'], path).toBe('DENY');
  expect(headers['x-content-type-options'], path).toBe('nosniff');
  expect(headers['referrer-policy'], path).toBe('same-origin');
}

describe('dashboard security headers', () => {
  it('on /login, / and a dashboard page, with nothing the CSP refuses', async () => {
    const login = await fetch(`${baseUrl}/login`);
    expect(login.status).toBe(200);
    expectLockedDown(Object.fromEntries(login.headers), '/login');

    const { page, context } = await newPage(browser);
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) refused.push(message.text());
    });
    await signIn(page, inject('admin'));
    for (const path of ['/', '/payments']) {
      const response = await page.goto(path);
      expect(response!.status(), path).toBe(200);
      expectLockedDown(response!.headers(), path);
    }
    expect(refused).toEqual([]);
    // http here: the session cookie is not Secure, so the browser keeps it.
    expect((await context.cookies()).find((c) => c.name === 'next-auth.session-token')?.secure).toBe(false);
    await context.close();
  });
});

describe('client address on the production server', () => {
  it('is the TCP peer, whatever X-Forwarded-For or X-PayCenter-Peer a client sends (no trusted proxy)', async () => {
    const demo = inject('demo');
    const api = appApiClient({ baseUrl, appId: demo.appId, secret: demo.appSecret });
    const listWith = (headers: Record<string, string>) => api.request('GET', '/api/v1/events?limit=1', undefined, { headers });
    const allowlist = (ipAllowlist: string[]) => db().app.update({ where: { id: demo.appId }, data: { ipAllowlist } });
    try {
      await allowlist(['10.9.9.9']);
      const spoofs: Array<Record<string, string>> = [{ 'X-Forwarded-For': '10.9.9.9' }, { 'X-PayCenter-Peer': '10.9.9.9' }];
      for (const spoof of spoofs) {
        const refused = await listWith(spoof);
        expect(refused.status, JSON.stringify(spoof)).toBe(403);
        expect(refused.body.error.code).toBe('IP_NOT_ALLOWED');
      }
      await allowlist(['127.0.0.1']);
      expect((await listWith({ 'X-Forwarded-For': '10.9.9.9' })).status).toBe(200);
    } finally {
      await allowlist([]);
    }
  });
});
