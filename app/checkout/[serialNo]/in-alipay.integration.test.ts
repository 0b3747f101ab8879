// The hosted checkout inside Alipay, over HTTP against Postgres and the Alipay simulator: with JSAPI
// enabled (MINI_PROGRAM, the same alipay.trade.create), choosing Alipay goes through Alipay's web
// authorization (auth_base, alipay.system.oauth.token) to a JSAPI trade for the buyer, paid through
// the simulated AlipayJSBridge tradePay; without it, WAP as in any phone browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCheckout } from '@/server/core/payments/get-checkout';
import { db } from '@/server/db/client';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { exchangeAlipayCode } from '@/server/gateway/channels/alipay/web-authorization';
import { sandboxAlipayBuyerId } from '@/server/sandbox/alipay/web-authorization';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';

const ALIPAY_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Ariver/1.1.0 AliApp(AP/10.5.50.6000) Nebula WK RVKType(0) AlipayDefined(nt:WIFI,ws:390|780|3.0) AlipayClient/10.5.50.6000 Language/zh-Hans Region/CN NebulaX/1.0.0';

let server: RunningServer;
let tenant: PaymentsTenant;

beforeAll(async () => {
  server = await startAppServer();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
});

afterAll(() => server?.close());

const cashier = async (): Promise<string> => (await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { paymentId: undefined, invokeMethod: 'CASHIER' }))).body.payment.serialNo;
const choose = (serialNo: string) =>
  fetch(`${server.baseUrl}/checkout/${serialNo}/choose`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': ALIPAY_UA, origin: server.baseUrl },
    body: 'channel=ALIPAY',
  });
const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { redirect: 'manual', headers: { 'user-agent': ALIPAY_UA, ...headers } });

describe('the checkout inside Alipay', () => {
  it('authorizes silently, makes the JSAPI trade for the buyer, and pays it through tradePay', async () => {
    const serialNo = await cashier();
    const chosen = await choose(serialNo);
    expect(chosen.status).toBe(303);
    const cookie = chosen.headers.get('set-cookie')!.split(';')[0]!;
    const authorize = new URL(chosen.headers.get('location')!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${server.baseUrl}/sandbox/alipay/oauth2/publicAppAuthorize.htm`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ app_id: tenant.alipayAppId, scope: 'auth_base', redirect_uri: `${server.baseUrl}/checkout/${serialNo}/alipay` });

    const authorized = await get(authorize.toString());
    expect(authorized.status).toBe(302);
    const callback = new URL(authorized.headers.get('location')!);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${server.baseUrl}/checkout/${serialNo}/alipay`);
    expect(callback.searchParams.get('auth_code')).toMatch(/^[0-9a-f]{32}$/);
    // Another browser (no cookie) gets nothing from this callback.
    expect((await get(callback.toString())).headers.get('location')).toBe(`${server.baseUrl}/checkout/${serialNo}?error=failed`);
    const back = await get(callback.toString(), { cookie });
    expect([back.status, back.headers.get('location')]).toEqual([303, `${server.baseUrl}/checkout/${serialNo}?pay=app`]);

    const buyerId = sandboxAlipayBuyerId(tenant.alipayAppId);
    const attempt = await db().payment.findUniqueOrThrow({ where: { serialNo } });
    expect(attempt).toMatchObject({ invokeMethod: 'CASHIER', executionMethod: 'alipay.trade.create', status: 'PENDING', payer: { buyerId } });
    const trade = await db().sandboxAlipayTrade.findFirstOrThrow({ where: { outTradeNo: serialNo } });
    expect(trade).toMatchObject({ method: 'alipay.trade.create', buyerId, tradeNo: attempt.channelTradeNo });
    const view = await getCheckout({ serialNo, environment: 'ALIPAY' });
    expect(view!.appSheet).toEqual({ channel: 'ALIPAY', params: { tradeNO: trade.tradeNo } });

    const pay = (body: unknown) => fetch(`${server.baseUrl}/sandbox/alipay/jsbridge/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((answer) => answer.json());
    expect(await pay({ tradeNO: '2026120122001400000000000000' })).toMatchObject({ resultCode: '4000' });
    expect(await pay({ tradeNO: trade.tradeNo })).toEqual({ resultCode: '9000' });
    expect((await (await fetch(`${server.baseUrl}/checkout/${serialNo}/status`)).json()).status).toBe('SUCCEEDED');
  });

  it('exchanges each auth_code once (alipay.system.oauth.token through the SDK)', async () => {
    const serialNo = await cashier();
    const authorize = new URL((await choose(serialNo)).headers.get('location')!);
    const code = new URL((await get(authorize.toString())).headers.get('location')!).searchParams.get('auth_code')!;
    const account = await loadChannelAccount(tenant.paymentId);
    expect(await exchangeAlipayCode(account, code)).toBe(sandboxAlipayBuyerId(tenant.alipayAppId));
    await expect(exchangeAlipayCode(account, code)).rejects.toMatchObject({ channelCode: 'isv.code-invalid' });
    await expect(exchangeAlipayCode(account, 'not-a-code')).rejects.toMatchObject({ channelCode: 'isv.code-invalid' });
  });

  it('pays by WAP inside Alipay when the merchant did not enable JSAPI', async () => {
    await db().paymentChannel.update({ where: { id: tenant.paymentId }, data: { invokeMethods: ['PC', 'WAP', 'QR'] } });
    const chosen = await choose(await cashier());
    expect(new URL(chosen.headers.get('location')!).searchParams.get('method')).toBe('alipay.trade.wap.pay');
    expect(chosen.headers.get('set-cookie')).toBeNull();
  });
});
