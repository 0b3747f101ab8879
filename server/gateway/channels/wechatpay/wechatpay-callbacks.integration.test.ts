// WeChat Pay callbacks through the Transaction Core (receiveNotification) with real payments made
// through the plugin at the simulator: a genuine callback settles once; tampered, stale, wrong-serial
// and replayed ones change nothing; a signed callback with another amount is not applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/sandbox/wechatpay/v3/[...path]/route';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { registerApp } from '@/server/backend/apps/register-app';
import { grantMerchant } from '@/server/backend/grants/grant-merchant';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { receiveNotification } from '@/server/core/notifications/receive-notification';
import { initiatePayment } from '@/server/core/payments/initiate-payment';
import { db } from '@/server/db/client';
import { newId } from '@/server/lib/ids';
import { payWechatpayTrade } from '@/server/sandbox/wechatpay';
import { callbackRequest, enqueueWechatpayNotification } from '@/server/sandbox/wechatpay/notifications';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { serveWebHandler, type RunningServer } from '@/server/testing/node-http-bridge';
import { toWechatTime } from './wechatpay-time';


interface Callback {
  headers: Record<string, string>;
  body: string;
}

let simulator: RunningServer;
const captured: Callback[] = [];

beforeAll(async () => {
  const port = Number(new URL(process.env.PAYCENTER_BASE_URL!).port);
  simulator = await serveWebHandler(
    async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname.startsWith('/sandbox/wechatpay/v3/')) return request.method === 'POST' ? POST(request) : GET(request);
      // The center's callback URL: kept here so each test hands the callback (or an altered copy) to the core itself.
      if (pathname.startsWith('/api/channels/wechatpay/notify/')) {
        captured.push({ headers: Object.fromEntries(request.headers), body: await request.text() });
        return new Response(null, { status: 204 });
      }
      return new Response('Not Found', { status: 404 });
    },
    { port },
  );
});

afterAll(() => simulator?.close());

describe.each(['PUBLIC_KEY', 'PLATFORM_CERT'] as const)('WeChat Pay callbacks through the core (%s mode)', (wechatVerifyMode) => {
  let shop: { appId: string; merchantId: string; paymentId: string; mchId: string };

  beforeAll(async () => {
    const admin = await platformAdmin();
    const companyAdmin = await makeUser('COMPANY_ADMIN', (await makeCompany(admin)).id);
    const merchant = await createMerchant({ actor: companyAdmin, input: { name: '翠湖小区', description: null } });
    const channel = await activateChannel({ actor: companyAdmin, input: { merchantId: merchant.id, channel: 'WECHATPAY', mode: 'SANDBOX', invokeMethods: ['QR'], wechatVerifyMode } });
    const app = await registerApp({ actor: admin, input: { name: '翠湖小区 缴费', description: null, defaultNotifyUrl: null, ipAllowlist: [] } });
    await grantMerchant({ actor: companyAdmin, input: { appId: app.app.id, merchantId: merchant.id } });
    const account = await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: channel.paymentId } });
    shop = { appId: app.app.id, merchantId: merchant.id, paymentId: channel.paymentId, mchId: account.accountId };
  });

  async function qrPayment(amount = 1000): Promise<string> {
    const { payment } = await initiatePayment({
      app: { id: shop.appId },
      input: { merchantId: shop.merchantId, paymentId: shop.paymentId, orderNo: `ORD-${newId('ord').slice(4)}`, amount, currency: 'CNY', subject: '物业费 2026-12', invokeMethod: 'QR', expiresInSeconds: 900 },
    });
    expect(payment.status).toBe('PENDING');
    return payment.serialNo;
  }

  async function payAtSimulator(serialNo: string): Promise<Callback> {
    const before = captured.length;
    await payWechatpayTrade({ mchId: shop.mchId, outTradeNo: serialNo });
    expect(captured.length).toBe(before + 1);
    return captured.at(-1)!;
  }

  /** A TRANSACTION.SUCCESS for an order nobody paid, encrypted and signed by the simulator as WeChat would, at `at`. */
  async function signedSuccessClaim(serialNo: string, at: Date): Promise<Callback> {
    const trade = await db().sandboxWechatTrade.findUniqueOrThrow({ where: { mchId_outTradeNo: { mchId: shop.mchId, outTradeNo: serialNo } } });
    const resource = {
      appid: trade.appId,
      mchid: trade.mchId,
      out_trade_no: serialNo,
      transaction_id: '4200000000000000000000000001',
      trade_state: 'SUCCESS',
      success_time: toWechatTime(at),
      amount: { total: trade.totalFen, payer_total: trade.totalFen, currency: 'CNY', payer_currency: 'CNY' },
    };
    const id = await db().$transaction((tx) => enqueueWechatpayNotification(tx, { mchId: shop.mchId, notifyUrl: trade.notifyUrl, eventType: 'TRANSACTION.SUCCESS', summary: '支付成功', resourceKind: 'transaction', resource }, at));
    // Never delivered by the simulator itself.
    await db().sandboxWechatNotification.update({ where: { id }, data: { nextAttemptAt: null } });
    const { headers, body } = await callbackRequest(id, at);
    return { headers, body };
  }

  const receive = (callback: Callback) => receiveNotification({ channel: 'WECHATPAY', paymentId: shop.paymentId, method: 'POST', query: '', ...callback });
  const events = (serialNo: string) => db().outboxEvent.count({ where: { serialNo, type: 'payment.succeeded' } });
  const lastOutcome = async (serialNo: string) => db().channelNotification.findFirstOrThrow({ where: { paymentChannelId: shop.paymentId, serialNo }, orderBy: { receivedAt: 'desc' } });

  it('a genuine callback settles the payment once; replayed, it changes nothing', async () => {
    const serialNo = await qrPayment();
    const genuine = await payAtSimulator(serialNo);
    expect(await receive(genuine)).toEqual({ status: 200, body: '', contentType: 'text/plain; charset=utf-8' });
    const payment = await db().payment.findUniqueOrThrow({ where: { serialNo } });
    expect(payment).toMatchObject({ status: 'SUCCEEDED', amount: 1000 });
    expect(payment.channelTradeNo).toMatch(/^\d{28}$/);
    expect(await events(serialNo)).toBe(1);

    expect((await receive(genuine)).status).toBe(200);
    expect(await lastOutcome(serialNo)).toMatchObject({ outcome: 'UNCHANGED', verified: true });
    expect(await events(serialNo)).toBe(1);
  });

  it('tampered, stale and wrong-serial callbacks are refused with a FAIL answer and change nothing', async () => {
    const serialNo = await qrPayment();
    const claim = await signedSuccessClaim(serialNo, new Date());
    const stale = await signedSuccessClaim(serialNo, new Date(Date.now() - 10 * 60_000));
    const serialHeader = Object.keys(claim.headers).find((name) => name.toLowerCase() === 'wechatpay-serial')!;
    const forged: Array<[string, Callback]> = [
      ['BAD_SIGNATURE', { ...claim, body: claim.body.replace('"summary":"支付成功"', '"summary":"支付成功!"') }],
      ['STALE_TIMESTAMP', stale],
      ['UNKNOWN_SERIAL', { ...claim, headers: { ...claim.headers, [serialHeader]: 'PUB_KEY_ID_0116000000012026120100000000000099' } }],
      ['MISSING_HEADERS', { headers: { 'content-type': 'application/json' }, body: claim.body }],
    ];
    for (const [reason, callback] of forged) {
      const answer = await receive(callback);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'FAIL' });
      const stored = await db().channelNotification.findFirstOrThrow({ where: { paymentChannelId: shop.paymentId, body: callback.body, reason: { startsWith: reason } } });
      expect(stored).toMatchObject({ outcome: 'REJECTED', verified: false });
    }
    // The center asked WeChat instead, which says the order is unpaid.
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ status: 'PENDING', channelTradeNo: null });
    expect(await events(serialNo)).toBe(0);
  });

  it('a signed callback whose amount differs from the attempt is recorded, alerted and not applied', async () => {
    const serialNo = await qrPayment(1000);
    // WeChat reports 9.99 yuan for this order.
    await db().sandboxWechatTrade.update({ where: { mchId_outTradeNo: { mchId: shop.mchId, outTradeNo: serialNo } }, data: { totalFen: 999 } });
    const callback = await payAtSimulator(serialNo);
    expect((await receive(callback)).status).toBe(200);
    expect(await lastOutcome(serialNo)).toMatchObject({ outcome: 'AMOUNT_MISMATCH', verified: true });
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ status: 'PENDING' });
    expect(await db().alert.count({ where: { serialNo, kind: 'AMOUNT_MISMATCH' } })).toBeGreaterThanOrEqual(1);
    expect(await events(serialNo)).toBe(0);
  });
});
