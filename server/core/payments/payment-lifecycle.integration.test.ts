// The payment lifecycle of api-contract.md over HTTP, for every channel against its simulator: an
// attempt past its expiry is closed at the channel and the app gets payment.closed; the sandbox fail
// helper ends the attempt FAILED with payment.failed; a payment that still arrives for a closed
// attempt is recorded, and refunded when another attempt already paid the order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerApp } from '@/server/backend/apps/register-app';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { grantMerchant } from '@/server/backend/grants/grant-merchant';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { db } from '@/server/db/client';
import type { Channel } from '@/server/db/generated/client';
import { newId } from '@/server/lib/ids';
import { openAlipayCashier } from '@/server/sandbox/alipay';
import { payEasypayTrade } from '@/server/sandbox/easypay/pay-trade';
import { appApiClient, type AppApiClient } from '@/server/testing/app-api-client';
import { startAppServer } from '@/server/testing/app-server';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';
import { expireDuePayments } from './expire-due-payments';

let server: RunningServer;
let receiver: WebhookReceiver;
let client: AppApiClient;
let merchantId: string;
const paymentIds = {} as Record<Channel, string>;
const accountIds = {} as Record<Channel, string>;

beforeAll(async () => {
  server = await startAppServer();
  receiver = await webhookReceiver();
  const admin = await platformAdmin();
  const companyId = (await makeCompany(admin)).id;
  const companyAdmin = await makeUser('COMPANY_ADMIN', companyId);
  merchantId = (await createMerchant({ actor: companyAdmin, input: { name: '花园小区', description: null } })).id;
  const methods = { ALIPAY: ['WAP', 'QR'], WECHATPAY: ['QR'], EASYPAY: ['QR'] } as const;
  for (const channel of ['ALIPAY', 'WECHATPAY', 'EASYPAY'] as const) {
    paymentIds[channel] = (await activateChannel({ actor: companyAdmin, input: { merchantId, channel, mode: 'SANDBOX', invokeMethods: [...methods[channel]] } })).paymentId;
    accountIds[channel] = (await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: paymentIds[channel] } })).accountId;
  }
  const { app, secret } = await registerApp({ actor: admin, input: { name: `缴费 ${newId('app').slice(4, 10)}`, description: null, defaultNotifyUrl: null, ipAllowlist: [] } });
  await grantMerchant({ actor: companyAdmin, input: { appId: app.id, merchantId } });
  client = appApiClient({ baseUrl: server.baseUrl, appId: app.id, secret });
});

afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

interface Created {
  serialNo: string;
  orderNo: string;
}

async function create(channel: Channel, invokeMethod: 'QR' | 'WAP', orderNo = `ORDER-${newId('ord').slice(4, 16)}`): Promise<Created> {
  const answer = await client.request('POST', '/api/v1/payments', {
    merchantId,
    paymentId: paymentIds[channel],
    orderNo,
    amount: 1000,
    currency: 'CNY',
    subject: '物业费 2026-12',
    invokeMethod,
    expiresInSeconds: 60,
    notifyUrl: receiver.url,
    payer: { clientIp: '203.0.113.7' },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { serialNo: answer.body.payment.serialNo, orderNo };
}

const eventTypes = async (serialNo: string) => (await db().outboxEvent.findMany({ where: { serialNo }, orderBy: { cursor: 'asc' } })).map((e) => e.type);
const attempt = (serialNo: string) => db().payment.findUniqueOrThrow({ where: { serialNo }, include: { order: true } });

/** The signed webhooks of one attempt that reached the app, waiting up to 5 s for `type`. */
async function webhooksOf(serialNo: string, type: string): Promise<string[]> {
  const deadline = Date.now() + 5000;
  const types = () =>
    receiver.received.map((w) => JSON.parse(w.rawBody) as { type: string; data: { payment: { serialNo: string } } }).filter((e) => e.data.payment?.serialNo === serialNo).map((e) => e.type);
  while (!types().includes(type) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return types();
}

/** The expiry sweep as it runs a minute after the attempts' expiry, leaving other tests' attempts alone. */
async function expire(serialNo: string): Promise<void> {
  await db().payment.updateMany({ where: { serialNo }, data: { nextQueryAt: null } });
  const result = await expireDuePayments({ now: new Date(Date.now() + 61_000) });
  expect(result.failed).toBe(0);
}

describe('expiry', () => {
  it('Alipay: the trade the payer opened is closed at Alipay, the attempt CLOSED, the app told', async () => {
    const { serialNo, orderNo } = await create('ALIPAY', 'QR');
    const trade = await db().sandboxAlipayTrade.findFirstOrThrow({ where: { outTradeNo: serialNo } });
    await openAlipayCashier(trade.tradeNo);

    await expire(serialNo);
    expect(await attempt(serialNo)).toMatchObject({ status: 'CLOSED', order: { orderNo, status: 'OPEN', paidSerialNo: null } });
    expect(await db().sandboxAlipayTrade.findUniqueOrThrow({ where: { tradeNo: trade.tradeNo } })).toMatchObject({ status: 'TRADE_CLOSED' });
    expect(await eventTypes(serialNo)).toEqual(['payment.closed']);
    expect(await webhooksOf(serialNo, 'payment.closed')).toEqual(['payment.closed']);
  });

  it('a trade paid at expiry whose callback was lost is found paid by the close, not counted as a failed close', async () => {
    const { serialNo, orderNo } = await create('ALIPAY', 'QR');
    const trade = await db().sandboxAlipayTrade.findFirstOrThrow({ where: { outTradeNo: serialNo } });
    // Paid at Alipay, but the notify never reaches the center.
    await db().sandboxAlipayTrade.update({ where: { tradeNo: trade.tradeNo }, data: { status: 'TRADE_SUCCESS', paidAt: new Date(), seenAt: new Date(), buyerId: '2088102177846880' } });

    await expire(serialNo);
    expect(await attempt(serialNo)).toMatchObject({ status: 'SUCCEEDED', order: { orderNo, status: 'PAID', paidSerialNo: serialNo } });
    expect(await eventTypes(serialNo)).toEqual(['payment.succeeded']);
    expect(await webhooksOf(serialNo, 'payment.succeeded')).toEqual(['payment.succeeded']);
  });

  it('WeChat Pay: the order is closed at WeChat, the attempt CLOSED, the app told', async () => {
    const { serialNo } = await create('WECHATPAY', 'QR');
    await expire(serialNo);
    expect(await attempt(serialNo)).toMatchObject({ status: 'CLOSED', order: { status: 'OPEN' } });
    expect(await db().sandboxWechatTrade.findFirstOrThrow({ where: { outTradeNo: serialNo } })).toMatchObject({ state: 'CLOSED' });
    expect(await eventTypes(serialNo)).toEqual(['payment.closed']);
    expect(await webhooksOf(serialNo, 'payment.closed')).toEqual(['payment.closed']);
  });

  it('EasyPay has no close: the attempt is CLOSED locally, the app told; a payment that still arrives is recorded', async () => {
    const { serialNo, orderNo } = await create('EASYPAY', 'QR');
    await expire(serialNo);
    expect(await attempt(serialNo)).toMatchObject({ status: 'CLOSED', order: { status: 'OPEN' } });
    expect(await webhooksOf(serialNo, 'payment.closed')).toEqual(['payment.closed']);

    // epay still takes the money: the contract's one exception, CLOSED → SUCCEEDED, pays the order.
    await payEasypayTrade({ pid: accountIds.EASYPAY, outTradeNo: serialNo });
    expect(await attempt(serialNo)).toMatchObject({ status: 'SUCCEEDED', duplicateOf: null, order: { orderNo, status: 'PAID', paidSerialNo: serialNo } });
    expect(await eventTypes(serialNo)).toEqual(['payment.closed', 'payment.succeeded']);
    expect(await webhooksOf(serialNo, 'payment.succeeded')).toEqual(['payment.closed', 'payment.succeeded']);
  });

  it('EasyPay: a late payment of a closed attempt whose order another attempt paid is refunded in full', async () => {
    const first = await create('EASYPAY', 'QR');
    await db().order.updateMany({ where: { orderNo: first.orderNo }, data: { lastAttemptAt: new Date(Date.now() - 16_000) } });
    // The app switches to Alipay: the EasyPay attempt is closed (locally only), the Alipay one is paid.
    const second = await create('ALIPAY', 'WAP', first.orderNo);
    expect(await attempt(first.serialNo)).toMatchObject({ status: 'CLOSED' });
    expect((await client.request('POST', `/api/v1/sandbox/payments/${second.serialNo}/pay`)).body.payment.status).toBe('SUCCEEDED');

    await payEasypayTrade({ pid: accountIds.EASYPAY, outTradeNo: first.serialNo });
    expect(await attempt(first.serialNo)).toMatchObject({ status: 'SUCCEEDED', duplicateOf: second.serialNo, refundedAmount: 1000, order: { status: 'PAID', paidSerialNo: second.serialNo } });
    const refunds = await db().refund.findMany({ where: { serialNo: first.serialNo } });
    expect(refunds.map((r) => [r.initiator, r.amount, r.status])).toEqual([['DUPLICATE_PAYMENT', 1000, 'SUCCEEDED']]);
    expect((await db().sandboxEasypayTrade.findFirstOrThrow({ where: { outTradeNo: first.serialNo } })).refundedFen).toBe(1000);
    expect(await eventTypes(first.serialNo)).toEqual(['payment.closed', 'payment.succeeded', 'refund.succeeded']);
  });
});

describe('the sandbox fail helper', () => {
  it.each([
    ['ALIPAY', 'WAP'],
    ['WECHATPAY', 'QR'],
    ['EASYPAY', 'QR'],
  ] as const)('%s: the simulated payment fails at the channel; the attempt ends FAILED, the app gets payment.failed, the order stays open', async (channel, invokeMethod) => {
    const { serialNo, orderNo } = await create(channel, invokeMethod);
    const failed = await client.request('POST', `/api/v1/sandbox/payments/${serialNo}/fail`);
    expect([failed.status, failed.body.payment?.status]).toEqual([200, 'FAILED']);
    expect(await attempt(serialNo)).toMatchObject({ status: 'FAILED', nextQueryAt: null, order: { orderNo, status: 'OPEN', paidSerialNo: null } });
    expect(await eventTypes(serialNo)).toEqual(['payment.failed']);
    expect(await webhooksOf(serialNo, 'payment.failed')).toEqual(['payment.failed']);
  });

  it('Alipay: closing an attempt is not mistaken for a failure, though Alipay announces the close too', async () => {
    const { serialNo } = await create('ALIPAY', 'QR');
    const trade = await db().sandboxAlipayTrade.findFirstOrThrow({ where: { outTradeNo: serialNo } });
    await openAlipayCashier(trade.tradeNo);
    expect((await client.request('POST', `/api/v1/payments/${serialNo}/close`)).body.payment.status).toBe('CLOSED');
    expect(await db().channelNotification.count({ where: { serialNo } })).toBe(1);
    expect(await eventTypes(serialNo)).toEqual(['payment.closed']);
  });

  it('WeChat Pay: a payment that succeeds after the failure still pays the order', async () => {
    const { serialNo, orderNo } = await create('WECHATPAY', 'QR');
    await client.request('POST', `/api/v1/sandbox/payments/${serialNo}/fail`);
    const paid = await client.request('POST', `/api/v1/sandbox/payments/${serialNo}/pay`);
    expect(paid.body.payment.status).toBe('SUCCEEDED');
    expect(await attempt(serialNo)).toMatchObject({ status: 'SUCCEEDED', failureCode: null, order: { orderNo, status: 'PAID', paidSerialNo: serialNo } });
    expect(await eventTypes(serialNo)).toEqual(['payment.failed', 'payment.succeeded']);
  });
});
