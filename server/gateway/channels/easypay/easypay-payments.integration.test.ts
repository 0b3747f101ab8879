// EasyPay through the whole center over HTTP: the payments API, the simulator on the center's base
// URL, its signed GET callbacks into receiveNotification, and refunds. Tampered, foreign, wrong-amount
// and replayed callbacks change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerApp } from '@/server/backend/apps/register-app';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { openCredentials } from '@/server/gateway/accounts/sealed-credentials';
import { grantMerchant } from '@/server/backend/grants/grant-merchant';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { env } from '@/server/config/env';
import { readStoredAction } from '@/server/contract/action';
import { db } from '@/server/db/client';
import { newId } from '@/server/lib/ids';
import { easypaySandboxPayer } from '@/server/sandbox/easypay';
import { signedTradeParams, tradeNotifyParams, withParams } from '@/server/sandbox/easypay/trade-notification';
import { appApiClient, type AppApiClient } from '@/server/testing/app-api-client';
import { startAppServer } from '@/server/testing/app-server';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { signEasypayParams } from './md5-sign';

let server: RunningServer;
let client: AppApiClient;
let merchantId: string;
let paymentId: string;
let pid: string;
let key: string;

beforeAll(async () => {
  server = await startAppServer();
  const admin = await platformAdmin();
  const companyId = (await makeCompany(admin)).id;
  const companyAdmin = await makeUser('COMPANY_ADMIN', companyId);
  merchantId = (await createMerchant({ actor: companyAdmin, input: { name: '花园小区', description: null } })).id;
  paymentId = (await activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'EASYPAY', mode: 'SANDBOX', invokeMethods: ['PC', 'WAP', 'QR'] } })).paymentId;
  const { app, secret } = await registerApp({ actor: admin, input: { name: `缴费 ${newId('app').slice(4, 10)}`, description: null, defaultNotifyUrl: null, ipAllowlist: [] } });
  await grantMerchant({ actor: companyAdmin, input: { appId: app.id, merchantId } });
  client = appApiClient({ baseUrl: server.baseUrl, appId: app.id, secret });
  const channel = await db().paymentChannel.findUniqueOrThrow({ where: { id: paymentId } });
  const credentials = openCredentials(channel);
  if (credentials.channel !== 'EASYPAY') throw new Error('not EasyPay');
  ({ pid, key } = credentials);
});

afterAll(() => server?.close());

async function createPayment(invokeMethod: 'PC' | 'WAP' | 'QR', amount: number) {
  const response = await client.request('POST', '/api/v1/payments', {
    merchantId,
    paymentId,
    orderNo: `ORDER-${newId('ord').slice(4, 16)}`,
    amount,
    currency: 'CNY',
    subject: '物业费 2026-12 & 车位=A1',
    invokeMethod,
    returnUrl: 'https://app.example/paid',
  });
  expect(response.status).toBe(201);
  return response.body as { payment: { serialNo: string }; action: { type: string; url: string } };
}

async function payAtSimulator(serialNo: string) {
  const payment = await db().payment.findUniqueOrThrow({ where: { serialNo } });
  const action = readStoredAction(payment)?.channel ?? null;
  await easypaySandboxPayer.pay({ accountId: pid, serialNo, action, gatewayBase: `${env().PAYCENTER_BASE_URL}/sandbox/easypay` });
}

const notifyUrl = () => `${server.baseUrl}/api/channels/easypay/notify/${paymentId}`;
const callback = async (params: Record<string, string>) => {
  const response = await fetch(withParams(notifyUrl(), params));
  return { status: response.status, body: await response.text() };
};
const lastNotification = () => db().channelNotification.findFirstOrThrow({ where: { paymentChannelId: paymentId }, orderBy: { receivedAt: 'desc' } });
const paymentState = async (serialNo: string) => {
  const payment = await db().payment.findUniqueOrThrow({ where: { serialNo } });
  return { status: payment.status, paidAt: payment.paidAt, channelTradeNo: payment.channelTradeNo, events: await db().outboxEvent.count({ where: { serialNo } }) };
};

describe('EasyPay through the center', () => {
  it('PC: redirects to submit.php, the simulated user pays, the signed GET callback settles the payment, and a refund is made', async () => {
    const { payment, action } = await createPayment('PC', 1000);
    expect(action.type).toBe('REDIRECT');
    expect(action.url).toContain('/sandbox/easypay/submit.php?');
    await payAtSimulator(payment.serialNo);

    const paid = await client.request('GET', `/api/v1/payments/${payment.serialNo}`);
    expect(paid.body.payment).toMatchObject({ status: 'SUCCEEDED', channel: 'EASYPAY', amount: 1000, channelTradeNo: expect.stringMatching(/^\d{19}$/) });
    expect(await lastNotification()).toMatchObject({ outcome: 'APPLIED', verified: true, serialNo: payment.serialNo, method: 'GET' });

    const refund = await client.request('POST', `/api/v1/payments/${payment.serialNo}/refunds`, { refundNo: 'EP-1', amount: 300, reason: '多收退费' });
    expect(refund.status).toBe(201);
    expect(refund.body.refund).toMatchObject({ amount: 300, status: 'SUCCEEDED', channelRefundNo: null });
    expect((await db().sandboxEasypayTrade.findUniqueOrThrow({ where: { pid_outTradeNo: { pid, outTradeNo: payment.serialNo } } })).refundedFen).toBe(300);
  });

  it('QR: the hosted checkout shows the mapi.php code; paying it settles the payment', async () => {
    const { payment, action } = await createPayment('QR', 2550);
    expect(action).toMatchObject({ type: 'QR_CODE', content: expect.stringContaining('/sandbox/easypay/pay/'), checkoutUrl: expect.stringContaining(`/checkout/${payment.serialNo}`) });
    const stored = readStoredAction(await db().payment.findUniqueOrThrow({ where: { serialNo: payment.serialNo } }));
    expect(stored?.channel).toMatchObject({ type: 'QR_CODE', content: expect.stringContaining('/sandbox/easypay/pay/') });
    await payAtSimulator(payment.serialNo);
    expect((await client.request('GET', `/api/v1/payments/${payment.serialNo}`)).body.payment).toMatchObject({ status: 'SUCCEEDED', amount: 2550 });
  });

  it('a replayed callback is acknowledged and changes nothing', async () => {
    const { payment } = await createPayment('WAP', 500);
    await payAtSimulator(payment.serialNo);
    const before = await paymentState(payment.serialNo);
    expect(before.status).toBe('SUCCEEDED');
    const trade = await db().sandboxEasypayTrade.findUniqueOrThrow({ where: { pid_outTradeNo: { pid, outTradeNo: payment.serialNo } } });
    expect(await callback((await signedTradeParams(tradeNotifyParams(trade)))!)).toEqual({ status: 200, body: 'success' });
    expect(await lastNotification()).toMatchObject({ outcome: 'UNCHANGED', verified: true });
    expect(await paymentState(payment.serialNo)).toEqual(before);
  });

  describe('callbacks that change nothing on an unpaid payment', () => {
    let serialNo: string;
    let genuine: Record<string, string>;

    beforeAll(async () => {
      const { payment } = await createPayment('QR', 1200);
      serialNo = payment.serialNo;
      const trade = await db().sandboxEasypayTrade.findUniqueOrThrow({ where: { pid_outTradeNo: { pid, outTradeNo: serialNo } } });
      // What the gateway would send once paid; the order itself stays unpaid at the simulator.
      genuine = tradeNotifyParams(trade);
    });

    it.each([
      ['a tampered signature', () => ({ ...signEasypayParams(genuine, key), money: '0.01' }), 'fail', 'REJECTED', 'SIGNATURE_INVALID'],
      ['a callback signed with another key', () => signEasypayParams(genuine, `${key}x`), 'fail', 'REJECTED', 'SIGNATURE_INVALID'],
      ['a correctly signed callback for another merchant', () => signEasypayParams({ ...genuine, pid: '1' }, key), 'fail', 'REJECTED', 'PID_MISMATCH'],
      ['a correctly signed callback with another amount', () => signEasypayParams({ ...genuine, money: '0.01' }, key), 'success', 'AMOUNT_MISMATCH', 'amount 1 ≠ 1200'],
    ])('%s', async (_case, params, body, outcome, reason) => {
      const before = await paymentState(serialNo);
      expect(await callback(params())).toEqual({ status: 200, body });
      expect(await lastNotification()).toMatchObject({ outcome, reason });
      expect(await paymentState(serialNo)).toEqual(before);
      expect(before.status).toBe('PENDING');
    });
  });

  it('a callback body past 64 KiB is answered 413 and not stored, whether its length is declared or streamed', async () => {
    const stored = () => db().channelNotification.count({ where: { paymentChannelId: paymentId } });
    const before = await stored();
    const declared = await fetch(notifyUrl(), { method: 'POST', body: 'x'.repeat(64 * 1024 + 1) });
    expect(declared.status).toBe(413);
    const chunks = [new Uint8Array(40 * 1024), new Uint8Array(40 * 1024)];
    const body = new ReadableStream<Uint8Array>({ pull: (controller) => (chunks.length ? controller.enqueue(chunks.shift()!) : controller.close()) });
    const streamed = await fetch(notifyUrl(), { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await stored()).toBe(before);
  });
});
