// The proxy as Next runs it: its matcher compiled by Next's own code, then the proxy on the paths it matches.
import { createRequire } from 'node:module';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { config, proxy } from './proxy';

/** Next's own compilation of a proxy matcher (not in its public types). */
const { getMiddlewareMatchers }: { getMiddlewareMatchers: (matcher: string, nextConfig: object) => { regexp: string }[] } = createRequire(import.meta.url)(
  'next/dist/build/analysis/get-page-static-info.js',
);
const [matcher] = getMiddlewareMatchers(config.matcher, {});
/** As Next's router tests a request against the proxy's matcher. */
const runsFor = (pathname: string) => new RegExp(matcher!.regexp).test(pathname);

describe('proxy', () => {
  it('runs only for paths holding a %', () => {
    for (const path of ['/api/v1/payments/%E0%A4%A', '/checkout/%zz', '/api/trpc/%E0', '/api/v1/payments/%E8%AE%A2']) expect(runsFor(path), path).toBe(true);
    for (const path of ['/', '/api/v1/payments', '/api/v1/payments/P20261208054418232MeTk6YrAqfBC6/refunds', '/checkout/P1', '/login']) expect(runsFor(path), path).toBe(false);
  });

  it('answers the app API contract 400 for a path that does not decode', async () => {
    const answer = proxy(new NextRequest('http://localhost/api/v1/payments/%E0%A4%A/refunds', { headers: { 'x-request-id': 'req-12345678' } }))!;
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-request-id')).toBe('req-12345678');
    expect(await answer.json()).toEqual({ error: { code: 'INVALID_REQUEST', message: 'Invalid field: (path)', details: { fields: { '(path)': 'must be valid percent-encoded UTF-8' } } } });
    expect((await proxy(new NextRequest('http://localhost/api/trpc/payments.list%zz'))!.json()).error.code).toBe('INVALID_REQUEST');
  });

  it("answers a callback in its channel's words", async () => {
    const alipay = proxy(new NextRequest('http://localhost/api/channels/alipay/notify/%C0%AF', { method: 'POST' }))!;
    expect([alipay.status, await alipay.text()]).toEqual([400, 'fail']);
    const wechatpay = proxy(new NextRequest('http://localhost/api/channels/wechatpay/notify/%E0', { method: 'POST' }))!;
    expect([wechatpay.status, (await wechatpay.json()).code]).toEqual([400, 'FAIL']);
    const unknown = proxy(new NextRequest('http://localhost/api/channels/paypal/notify/%E0', { method: 'POST' }))!;
    expect((await unknown.json()).error.code).toBe('INVALID_REQUEST');
  });

  it('answers a page for the checkout and the dashboard', async () => {
    for (const path of ['/checkout/%E0%A4%A', '/checkout/%zz/receipt', '/payments/%E0']) {
      const answer = proxy(new NextRequest(`http://localhost${path}`))!;
      expect(answer.status, path).toBe(400);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await answer.text()).toContain('链接无效');
    }
  });

  it('lets a path that decodes through untouched', () => {
    expect(proxy(new NextRequest('http://localhost/api/v1/payments?orderNo=%E0'))).toBeUndefined();
    expect(proxy(new NextRequest('http://localhost/checkout/%E8%AE%A2'))).toBeUndefined();
  });
});
