// The hosted checkout inside WeChat, over HTTP against Postgres and the WeChat simulator: choosing
// WeChat Pay goes through WeChat's web authorization (snsapi_base) to a JSAPI attempt with the
// payer's openid, whose sheet parameters are signed by the merchant key and paid through the
// simulated WeixinJSBridge. Forged, expired, foreign and replayed states and reused codes get nothing.
import { createPublicKey, createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { getCheckout } from '@/server/core/payments/get-checkout';
import { payInsideApp } from '@/server/core/payments/pay-inside-app';
import { AUTHORIZATION_LIFETIME_MS } from '@/server/core/payments/in-app-authorization-state';
import { db } from '@/server/db/client';
import { openCredentials } from '@/server/gateway/accounts/sealed-credentials';
import { sandboxWechatOpenId } from '@/server/sandbox/wechatpay/web-authorization';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';

const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; V2183A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

let server: RunningServer;
let tenant: PaymentsTenant;
let wechatPaymentId: string;
let appId: string;

beforeAll(async () => {
  server = await startAppServer();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
  const channel = await activateChannel({ actor: tenant.companyAdmin, input: { merchantId: tenant.merchantId, channel: 'WECHATPAY', mode: 'SANDBOX', invokeMethods: ['PC', 'WAP', 'QR'] } });
  wechatPaymentId = channel.paymentId;
  appId = (await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: wechatPaymentId } })).appId!;
});

afterAll(() => server?.close());

const cashier = async (): Promise<string> => {
  const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { paymentId: undefined, invokeMethod: 'CASHIER' }));
  return created.body.payment.serialNo;
};

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { redirect: 'manual', headers: { 'user-agent': WECHAT_UA, ...headers } });

/** The payer taps WeChat Pay inside WeChat: where WeChat's authorization sends the browser back, and the cookie it holds. */
async function authorize(serialNo: string): Promise<{ authorizeUrl: URL; callback: URL; cookie: string }> {
  const chosen = await fetch(`${server.baseUrl}/checkout/${serialNo}/choose`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': WECHAT_UA, origin: server.baseUrl },
    body: 'channel=WECHATPAY',
  });
  expect(chosen.status).toBe(303);
  const cookie = chosen.headers.get('set-cookie')!.split(';')[0]!;
  const authorizeUrl = new URL(chosen.headers.get('location')!);
  const authorized = await get(authorizeUrl.toString());
  expect(authorized.status).toBe(302);
  return { authorizeUrl, callback: new URL(authorized.headers.get('location')!), cookie };
}

const exchange = (query: Record<string, string>) => fetch(`${server.baseUrl}/sandbox/wechatpay/sns/oauth2/access_token?${new URLSearchParams({ grant_type: 'authorization_code', ...query })}`).then((answer) => answer.json());

describe('the checkout inside WeChat', () => {
  it('offers WeChat Pay there only with WAP enabled (the AppSecret comes with sandbox channels)', async () => {
    const serialNo = await cashier();
    expect(await getCheckout({ serialNo, environment: 'WECHAT' })).toMatchObject({ choices: [{ channel: 'WECHATPAY', available: true }], elsewhere: ['ALIPAY'] });
    await db().paymentChannel.update({ where: { id: wechatPaymentId }, data: { invokeMethods: ['PC', 'QR'] } });
    try {
      expect(await getCheckout({ serialNo, environment: 'WECHAT' })).toMatchObject({ choices: [{ channel: 'WECHATPAY', available: false }] });
    } finally {
      await db().paymentChannel.update({ where: { id: wechatPaymentId }, data: { invokeMethods: ['PC', 'WAP', 'QR'] } });
    }
  });

  it('authorizes silently, makes the JSAPI attempt with the openid, and pays through the sheet whose paySign verifies', async () => {
    const serialNo = await cashier();
    const { authorizeUrl, callback, cookie } = await authorize(serialNo);
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(`${server.baseUrl}/sandbox/wechatpay/connect/oauth2/authorize`);
    expect([...authorizeUrl.searchParams.keys()]).toEqual(['appid', 'redirect_uri', 'response_type', 'scope', 'state']);
    expect(authorizeUrl.searchParams.get('appid')).toBe(appId);
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(`${server.baseUrl}/checkout/${serialNo}/wechat`);
    expect(authorizeUrl.searchParams.get('scope')).toBe('snsapi_base');
    expect(authorizeUrl.hash).toBe('#wechat_redirect');
    expect(cookie).toMatch(/^paycenter_authorization=[\w-]+$/);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${server.baseUrl}/checkout/${serialNo}/wechat`);
    expect(callback.searchParams.get('state')).toBe(authorizeUrl.searchParams.get('state'));

    const back = await get(callback.toString(), { cookie });
    expect([back.status, back.headers.get('location')]).toEqual([303, `${server.baseUrl}/checkout/${serialNo}?pay=app`]);
    expect(back.headers.get('set-cookie')).toMatch(/^paycenter_authorization=; .*Max-Age=0/);

    const openId = sandboxWechatOpenId(appId);
    const attempt = await db().payment.findUniqueOrThrow({ where: { serialNo } });
    expect(attempt).toMatchObject({ invokeMethod: 'CASHIER', paymentChannelId: wechatPaymentId, executionMethod: 'wechatpay.jsapi', status: 'PENDING', payer: { openId } });
    const trade = await db().sandboxWechatTrade.findFirstOrThrow({ where: { outTradeNo: serialNo } });
    expect(trade).toMatchObject({ tradeType: 'JSAPI', appId, payerOpenId: openId });

    const sheet = (await getCheckout({ serialNo, environment: 'WECHAT' }))!.appSheet!.params;
    expect(Object.keys(sheet).sort()).toEqual(['appId', 'nonceStr', 'package', 'paySign', 'signType', 'timeStamp']);
    expect(sheet).toMatchObject({ appId, package: `prepay_id=${trade.prepayId}`, signType: 'RSA' });
    expect(JSON.stringify(sheet)).not.toContain(openId);
    // Outside WeChat the same checkout shows no sheet.
    expect((await getCheckout({ serialNo, environment: 'MOBILE' }))!.appSheet).toBeNull();
    const merchantKey = createPublicKey((await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: wechatPaymentId } })).merchantPublicKeyPem!);
    const message = `${sheet.appId}\n${sheet.timeStamp}\n${sheet.nonceStr}\n${sheet.package}\n`;
    expect(createVerify('RSA-SHA256').update(message).verify(merchantKey, sheet.paySign!, 'base64')).toBe(true);

    const pay = (params: Record<string, string>) => fetch(`${server.baseUrl}/sandbox/wechatpay/jsbridge/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) }).then((answer) => answer.json());
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = createSign('RSA-SHA256').update(message).sign(stranger, 'base64');
    expect(await pay({ ...sheet, paySign: forged })).toEqual({ err_msg: 'get_brand_wcpay_request:fail', reason: '支付验证签名失败' });
    expect(await pay({ ...sheet, timeStamp: String(Number(sheet.timeStamp) + 1) })).toMatchObject({ err_msg: 'get_brand_wcpay_request:fail' });
    expect((await db().sandboxWechatTrade.findUniqueOrThrow({ where: { prepayId: trade.prepayId } })).state).toBe('NOTPAY');

    expect(await pay(sheet)).toEqual({ err_msg: 'get_brand_wcpay_request:ok' });
    const status = await (await fetch(`${server.baseUrl}/checkout/${serialNo}/status`)).json();
    expect(status.status).toBe('SUCCEEDED');
  });

  it('refuses a forged, foreign, expired or replayed state, and a callback without the browser’s cookie; no attempt is made', async () => {
    const serialNo = await cashier();
    const other = await cashier();
    const { callback, cookie } = await authorize(serialNo);
    const failed = async (url: URL, headers: Record<string, string>) => {
      const answer = await get(url.toString(), headers);
      expect([answer.status, answer.headers.get('location')]).toEqual([303, `${server.baseUrl}/checkout/${url.pathname.split('/')[2]}?error=failed`]);
    };

    const forged = new URL(callback);
    forged.searchParams.set('state', `${callback.searchParams.get('state')!.split('s')[0]}s${'0'.repeat(64)}`);
    await failed(forged, { cookie });
    await failed(callback, {});
    await failed(callback, { cookie: 'paycenter_authorization=someone-elses-nonce' });
    const foreign = new URL(callback);
    foreign.pathname = `/checkout/${other}/wechat`;
    await failed(foreign, { cookie });
    const later = new Date(Date.now() + AUTHORIZATION_LIFETIME_MS + 1000);
    const nonce = cookie.split('=')[1]!;
    await expect(payInsideApp({ serialNo, channel: 'WECHATPAY', code: callback.searchParams.get('code'), state: callback.searchParams.get('state'), nonce, now: later })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db().payment.count({ where: { serialNo: { in: [serialNo, other] }, paymentChannelId: { not: null } } })).toBe(0);

    // The genuine callback still works once; replayed (the code is spent at WeChat), it starts nothing new.
    expect((await get(callback.toString(), { cookie })).headers.get('location')).toBe(`${server.baseUrl}/checkout/${serialNo}?pay=app`);
    await failed(callback, { cookie });
    expect(await db().payment.count({ where: { order: { payments: { some: { serialNo } } } } })).toBe(1);
  });

  it('the simulated WeChat checks the AppSecret, gives each code once, and sends codes only to PayCenter', async () => {
    const { callback, authorizeUrl } = await authorize(await cashier());
    const code = callback.searchParams.get('code')!;
    const credentials = openCredentials(await db().paymentChannel.findUniqueOrThrow({ where: { id: wechatPaymentId } }));
    const secret = credentials.channel === 'WECHATPAY' ? credentials.appSecret! : '';
    expect(await exchange({ appid: appId, secret: secret.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')), code })).toEqual({ errcode: 40125, errmsg: 'invalid appsecret' });
    expect(await exchange({ appid: 'wx0000000000000000', secret, code })).toEqual({ errcode: 40013, errmsg: 'invalid appid' });
    expect(await exchange({ appid: appId, secret, code: 'not-a-code' })).toEqual({ errcode: 40029, errmsg: 'invalid code' });
    expect(await exchange({ appid: appId, secret, code })).toMatchObject({ openid: sandboxWechatOpenId(appId), scope: 'snsapi_base', expires_in: 7200 });
    expect(await exchange({ appid: appId, secret, code })).toEqual({ errcode: 40163, errmsg: 'code been used' });

    const elsewhere = new URL(authorizeUrl);
    elsewhere.searchParams.set('redirect_uri', 'https://evil.example/steal');
    expect((await get(elsewhere.toString())).status).toBe(400);
  });
});
