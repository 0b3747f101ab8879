// CASHIER payments over HTTP against Postgres and the Alipay simulator: the app creates one through
// the API, the payer chooses Alipay on the checkout (its choose and status routes), switches to a QR
// code under the 15-second rule, pays; and what an expired checkout and a stranger's redirect get.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDuePayments } from '@/server/core/payments/expire-due-payments';
import { getCheckout } from '@/server/core/payments/get-checkout';
import { db } from '@/server/db/client';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';

let server: RunningServer;
let tenant: PaymentsTenant;

const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36';
const WECHAT_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN';

beforeAll(async () => {
  server = await startAppServer();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
});

afterAll(() => server?.close());

const cashier = (overrides: Record<string, unknown> = {}) =>
  tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { paymentId: undefined, invokeMethod: 'CASHIER', returnUrl: 'https://app.example/paid', ...overrides }));
const choose = (serialNo: string, channel: string, userAgent = PHONE_UA) =>
  fetch(`${server.baseUrl}/checkout/${serialNo}/choose`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent, origin: server.baseUrl },
    body: new URLSearchParams({ channel }).toString(),
  });
const status = async (serialNo: string) => (await fetch(`${server.baseUrl}/checkout/${serialNo}/status`)).json();

describe('CASHIER payments and the hosted checkout', () => {
  it('creates the order without a channel; the first choice gives the same serial its channel (WAP on a phone)', async () => {
    const created = await cashier();
    expect(created.status).toBe(201);
    const { serialNo } = created.body.payment;
    expect(created.body.action).toEqual({ type: 'CHECKOUT', url: `${server.baseUrl}/checkout/${serialNo}` });
    expect(created.body.payment).toMatchObject({ invokeMethod: 'CASHIER', channel: null, paymentId: null, status: 'PENDING', livemode: false, amount: 1000 });

    const again = await tenant.client.request('POST', '/api/v1/payments', { ...paymentRequest(tenant, { paymentId: undefined, invokeMethod: 'CASHIER', returnUrl: 'https://app.example/paid' }), orderNo: created.body.payment.orderNo });
    expect([again.status, again.body.payment.serialNo]).toEqual([200, serialNo]);

    const view = await getCheckout({ serialNo });
    expect(view).toMatchObject({ status: 'PENDING', merchantName: '花园小区', amount: 1000, qr: null, choices: [{ channel: 'ALIPAY', available: true }] });

    const chosen = await choose(serialNo, 'ALIPAY');
    expect(chosen.status).toBe(303);
    const location = new URL(chosen.headers.get('location')!);
    expect(location.pathname).toBe('/sandbox/alipay/gateway.do');
    expect(location.searchParams.get('method')).toBe('alipay.trade.wap.pay');

    const bound = await tenant.client.request('GET', `/api/v1/payments/${serialNo}`);
    expect(bound.body.payment).toMatchObject({ serialNo, channel: 'ALIPAY', paymentId: tenant.paymentId, invokeMethod: 'CASHIER', status: 'PENDING' });
    expect(await db().payment.count({ where: { orderId: (await db().payment.findUniqueOrThrow({ where: { serialNo } })).orderId } })).toBe(1);

    // The same choice again returns the same attempt; nothing new is made.
    const repeat = await choose(serialNo, 'ALIPAY');
    expect(new URL(repeat.headers.get('location')!).searchParams.get('method')).toBe('alipay.trade.wap.pay');
    expect(await db().payment.count({ where: { order: { orderNo: created.body.payment.orderNo } } })).toBe(1);
  });

  it('PC page pay on a desktop; refuses an unknown channel, one the merchant lacks, and a cross-site post', async () => {
    const { serialNo } = (await cashier()).body.payment;
    const wechat = await choose(serialNo, 'WECHATPAY', DESKTOP_UA);
    expect([wechat.status, new URL(wechat.headers.get('location')!).search]).toEqual([303, '?error=failed']);
    const bogus = await choose(serialNo, 'PAYPAL', DESKTOP_UA);
    expect(bogus.status).toBe(400);
    const crossSite = await fetch(`${server.baseUrl}/checkout/${serialNo}/choose`, { method: 'POST', redirect: 'manual', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'channel=ALIPAY' });
    expect(crossSite.status).toBe(403);
    expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).paymentChannelId).toBeNull();

    const desktop = await choose(serialNo, 'ALIPAY', DESKTOP_UA);
    expect(new URL(desktop.headers.get('location')!).searchParams.get('method')).toBe('alipay.trade.page.pay');
  });

  it('inside WeChat offers no Alipay (it cannot open there) but says a browser can; inside Alipay, Alipay', async () => {
    const { serialNo } = (await cashier()).body.payment;
    expect(await getCheckout({ serialNo, environment: 'WECHAT' })).toMatchObject({ status: 'PENDING', choices: [], elsewhere: ['ALIPAY'] });
    expect(await getCheckout({ serialNo, environment: 'ALIPAY' })).toMatchObject({ choices: [{ channel: 'ALIPAY', available: true }], elsewhere: [] });

    // A hand-made post from inside WeChat cannot start what WeChat cannot open.
    const chosen = await choose(serialNo, 'ALIPAY', WECHAT_UA);
    expect([chosen.status, new URL(chosen.headers.get('location')!).search]).toEqual([303, '?error=failed']);
    expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).paymentChannelId).toBeNull();
  });

  it('switching to a QR code waits out 15 seconds, closes the first attempt, shows the QR; paying succeeds the checkout', async () => {
    const { serialNo, orderNo } = (await cashier()).body.payment;
    await choose(serialNo, 'ALIPAY');
    await db().paymentChannel.update({ where: { id: tenant.paymentId }, data: { invokeMethods: ['PC', 'QR'] } });
    try {
      const tooSoon = await choose(serialNo, 'ALIPAY');
      expect(new URL(tooSoon.headers.get('location')!).searchParams.get('wait')).toMatch(/^\d+$/);
      await db().order.updateMany({ where: { orderNo }, data: { lastAttemptAt: new Date(Date.now() - 16_000) } });
      const qr = await choose(serialNo, 'ALIPAY');
      const next = new URL(qr.headers.get('location')!).pathname.split('/')[2]!;
      expect(next).not.toBe(serialNo);
      expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).status).toBe('CLOSED');

      const attempt = await db().payment.findUniqueOrThrow({ where: { serialNo: next } });
      expect(attempt).toMatchObject({ invokeMethod: 'CASHIER', executionMethod: 'alipay.trade.precreate', status: 'PENDING' });
      const content = (attempt.action as { channel: { content: string } }).channel.content;
      // The original checkout follows its order: still payable, showing the new attempt's code.
      expect(await getCheckout({ serialNo })).toMatchObject({ status: 'PENDING', qr: { channel: 'ALIPAY', content } });
      expect(await status(serialNo)).toEqual({ status: 'PENDING', expiresAt: expect.any(String) });

      const paid = await tenant.client.request('POST', `/api/v1/sandbox/payments/${next}/pay`);
      expect(paid.body.payment.status).toBe('SUCCEEDED');
      expect(await status(serialNo)).toMatchObject({ status: 'SUCCEEDED' });
      expect(await status(next)).toMatchObject({ status: 'SUCCEEDED' });
      const paidAgain = await choose(serialNo, 'ALIPAY');
      expect(new URL(paidAgain.headers.get('location')!).pathname).toBe(`/checkout/${serialNo}`);
    } finally {
      await db().paymentChannel.update({ where: { id: tenant.paymentId }, data: { invokeMethods: ['PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR'] } });
    }
  });

  it('an expired checkout reads EXPIRED, offers nothing, and choosing makes no attempt; unknown serials are 404', async () => {
    const { serialNo } = (await cashier()).body.payment;
    await db().payment.update({ where: { serialNo }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getCheckout({ serialNo })).toMatchObject({ status: 'EXPIRED', choices: null, qr: null });
    expect(await status(serialNo)).toMatchObject({ status: 'EXPIRED' });
    const chosen = await choose(serialNo, 'ALIPAY');
    expect(new URL(chosen.headers.get('location')!).pathname).toBe(`/checkout/${serialNo}`);
    expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).paymentChannelId).toBeNull();

    // The expiry sweep closes it without a channel to ask (none was chosen), announcing payment.closed.
    const closed = await expireDuePayments({ limit: 1000 });
    expect(closed.failed).toBe(0);
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ status: 'CLOSED', channel: null });
    expect(await db().outboxEvent.count({ where: { serialNo, type: 'payment.closed' } })).toBe(1);

    const unknown = await fetch(`${server.baseUrl}/checkout/P20261201000000000AAAAAAAAAAAAA/status`);
    expect([unknown.status, (await unknown.json()).error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses a paymentId with CASHIER, and a returnUrl outside the origins the app registered', async () => {
    const withPaymentId = await cashier({ paymentId: tenant.paymentId });
    expect(withPaymentId.status).toBe(400);
    expect(withPaymentId.body.error.details.fields).toHaveProperty('paymentId');
    await db().app.update({ where: { id: tenant.app.id }, data: { returnOrigins: ['https://app.example'] } });
    try {
      expect((await cashier({ returnUrl: 'https://app.example/paid?x=1' })).status).toBe(201);
      const elsewhere = await cashier({ returnUrl: 'https://evil.example/phish' });
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.error.details.fields).toHaveProperty('returnUrl');
    } finally {
      await db().app.update({ where: { id: tenant.app.id }, data: { returnOrigins: [] } });
    }
  });
});
