// The EasyPay plugin end to end against the built-in epay simulator on a real HTTP server: page and
// API payment, the signed GET callback and return, query, close, refunds (also with a lost answer),
// and the key never leaving in anything the plugin returns.
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as api } from '@/app/sandbox/easypay/api.php/route';
import { POST as mapi } from '@/app/sandbox/easypay/mapi.php/route';
import { GET as submit } from '@/app/sandbox/easypay/submit.php/route';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { db } from '@/server/db/client';
import { ChannelError } from '@/server/gateway/channel-error';
import { parseRequest } from '@/server/gateway/request-parser';
import type { ChannelAccount, CreatePaymentInput } from '@/server/gateway/types';
import { randomBase62 } from '@/server/lib/ids';
import { payEasypayTrade } from '@/server/sandbox/easypay';
import { serveRouteHandlers, type RunningServer } from '@/server/sandbox/alipay/testing/serve-route-handlers';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { publicTargetsOnly } from '@/server/testing/public-targets-only';
import { easypayPlugin as plugin } from './index';
import { verifyEasypaySign } from './md5-sign';

let server: RunningServer;
let account: ChannelAccount;
const callbacks: string[] = [];
/** What the lossy gateway does with the next refund: deliver it and lose the answer, or lose it on the way. */
let lossyRefund: 'LOSE_ANSWER' | 'LOSE_REQUEST' = 'LOSE_ANSWER';

beforeAll(async () => {
  server = await serveRouteHandlers({
    '/sandbox/easypay/submit.php': submit,
    '/sandbox/easypay/mapi.php': mapi,
    '/sandbox/easypay/api.php': api,
    // The same gateway behind a network that loses refund answers (or requests); queries pass.
    '/lossy/submit.php': submit,
    '/lossy/api.php': async (request) => {
      if (new URL(request.url).searchParams.get('act') !== 'refund') return api(request);
      if (lossyRefund === 'LOSE_ANSWER') await api(request);
      return new Response('Bad Gateway', { status: 502 });
    },
    '/notify': async (request) => {
      callbacks.push(new URL(request.url).search.slice(1));
      return new Response('success');
    },
  });
  const admin = await platformAdmin();
  const companyAdmin = await makeUser('COMPANY_ADMIN', (await makeCompany(admin)).id);
  const merchant = await createMerchant({ actor: companyAdmin, input: { name: '花园小区', description: null } });
  const channel = await activateChannel({ actor: companyAdmin, input: { merchantId: merchant.id, channel: 'EASYPAY', mode: 'SANDBOX', invokeMethods: ['PC', 'WAP', 'QR'] } });
  // The simulator listens on this test's own server rather than the app's base URL.
  account = { ...(await loadChannelAccount(channel.paymentId)), endpoint: `${server.baseUrl}/sandbox/easypay` };
});

afterAll(() => server?.close());

const credentials = () => (account.credentials.channel === 'EASYPAY' ? account.credentials : (undefined as never));
const serial = () => `P${Date.now()}${randomBase62(12)}`;
const SUBJECT = '物业费 2026-11 & 停车费=120元';

function input(invokeMethod: 'PC' | 'WAP' | 'QR', serialNo: string, amount = 1000, on = account): CreatePaymentInput {
  return {
    account: on,
    execution: parseRequest({ channel: 'EASYPAY', invokeMethod, enabled: ['PC', 'WAP', 'QR'] }),
    serialNo,
    amount,
    subject: SUBJECT,
    expiresAt: new Date(Date.now() + 15 * 60_000),
    notifyUrl: `${server.baseUrl}/notify`,
    returnUrl: 'https://app.example/paid?from=easypay',
    payer: { clientIp: '203.0.113.7' },
  };
}

/** The user's browser follows the submit.php redirect to the pay page. */
async function openPage(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

async function payAndReadCallback(serialNo: string) {
  const before = callbacks.length;
  const paid = await payEasypayTrade({ pid: credentials().pid, outTradeNo: serialNo });
  expect(callbacks.length).toBe(before + 1);
  return { paid, check: plugin.parseNotification({ account, method: 'GET', headers: {}, query: callbacks.at(-1)!, body: '' }) };
}

async function channelError(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

describe('EasyPay plugin against the simulator', () => {
  it('PC: redirects to the signed submit.php, the paid order is called back, queried, refunded in parts, and cannot be closed', async () => {
    const serialNo = serial();
    const created = await plugin.createPayment(input('PC', serialNo, 1000));
    expect(created.action.type).toBe('REDIRECT');
    const url = new URL((created.action as { url: string }).url);
    expect(`${url.origin}${url.pathname}`).toBe(`${account.endpoint}/submit.php`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ pid: credentials().pid, type: 'alipay', out_trade_no: serialNo, money: '10.00', name: SUBJECT, sign_type: 'MD5' });
    expect(await openPage(url.toString())).toMatch(/^\/sandbox\/easypay\/pay\/\d{19}$/);
    expect(await plugin.queryPayment({ account, serialNo })).toMatchObject({ state: 'PENDING', amount: 1000, paidAt: null });

    const { paid, check } = await payAndReadCallback(serialNo);
    expect(check).toEqual({ verified: true, notification: { kind: 'PAYMENT', serialNo, state: 'SUCCEEDED', channelTradeNo: paid.trade.tradeNo, amount: 1000, paidAt: null } });
    // The browser returns to return_url with the same signed fields, its own query kept.
    const back = new URL(paid.returnUrl!);
    expect(back.searchParams.get('from')).toBe('easypay');
    back.searchParams.delete('from');
    expect(verifyEasypaySign(Object.fromEntries(back.searchParams), credentials().key)).toBe(true);

    const state = await plugin.queryPayment({ account, serialNo });
    expect(state).toMatchObject({ state: 'SUCCEEDED', amount: 1000, channelTradeNo: paid.trade.tradeNo });
    expect(Math.abs(state.paidAt!.getTime() - paid.trade.paidAt!.getTime())).toBeLessThan(1000);
    expect(await channelError(plugin.closePayment({ account, serialNo }))).toMatchObject({ channelCode: 'EASYPAY_TRADE_PAID', retryable: false });

    const base = { account, serialNo, channelTradeNo: state.channelTradeNo, totalAmount: 1000 };
    expect(await plugin.refund({ ...base, refundSerialNo: `R${serialNo}1`, amount: 300, reason: '多收退费' })).toMatchObject({ state: 'SUCCEEDED' });
    expect(await plugin.refund({ ...base, refundSerialNo: `R${serialNo}2`, amount: 200 })).toMatchObject({ state: 'SUCCEEDED' });
    // Partly refunded: which refunds the total holds cannot be told, so the answer is "ask again later", never a resend.
    expect(await channelError(plugin.queryRefund({ account, serialNo, refundSerialNo: `R${serialNo}1` }))).toMatchObject({ channelCode: 'EASYPAY_REFUND_UNATTRIBUTABLE', retryable: true });
    expect(await channelError(plugin.refund({ ...base, refundSerialNo: `R${serialNo}3`, amount: 501 }))).toMatchObject({ channelCode: 'EASYPAY_REFUND_EXCEEDS', retryable: false });
    expect(await plugin.refund({ ...base, refundSerialNo: `R${serialNo}4`, amount: 500 })).toMatchObject({ state: 'SUCCEEDED' });
    expect(await plugin.queryRefund({ account, serialNo, refundSerialNo: `R${serialNo}1` })).toMatchObject({ state: 'SUCCEEDED' });
    expect((await db().sandboxEasypayTrade.findUniqueOrThrow({ where: { tradeNo: paid.trade.tradeNo } })).refundedFen).toBe(1000);
    expect(await plugin.queryPayment({ account, serialNo })).toMatchObject({ state: 'SUCCEEDED' });
  });

  it('WAP: the same page payment, paid with the smallest amount', async () => {
    const serialNo = serial();
    const created = await plugin.createPayment(input('WAP', serialNo, 1));
    await openPage((created.action as { url: string }).url);
    expect((await payAndReadCallback(serialNo)).check).toMatchObject({ verified: true, notification: { amount: 1, state: 'SUCCEEDED' } });
  });

  it('QR: mapi.php answers a code to scan and the trade number; the unpaid order closes locally and stays unpaid', async () => {
    const serialNo = serial();
    const created = await plugin.createPayment(input('QR', serialNo, 2550));
    expect(created.channelTradeNo).toMatch(/^\d{19}$/);
    expect(created.action).toEqual({ type: 'QR_CODE', content: expect.stringMatching(new RegExp(`/sandbox/easypay/pay/${created.channelTradeNo}$`)) });
    const trade = await db().sandboxEasypayTrade.findUniqueOrThrow({ where: { tradeNo: created.channelTradeNo! } });
    expect(trade).toMatchObject({ entry: 'mapi.php', type: 'alipay', moneyFen: 2550, name: SUBJECT, clientIp: '203.0.113.7', device: 'pc' });
    await plugin.closePayment({ account, serialNo });
    expect(await plugin.queryPayment({ account, serialNo })).toMatchObject({ state: 'PENDING', channelTradeNo: created.channelTradeNo, amount: 2550 });
  });

  it('pays with the type the channel sets for the invoke method (wxpay for QR here), alipay otherwise', async () => {
    const wechat = { ...account, credentials: { ...credentials(), payTypes: { QR: 'wxpay' as const } } };
    const qr = await plugin.createPayment(input('QR', serial(), 100, wechat));
    expect((await db().sandboxEasypayTrade.findUniqueOrThrow({ where: { tradeNo: qr.channelTradeNo! } })).type).toBe('wxpay');
    const pc = await plugin.createPayment(input('PC', serial(), 100, wechat));
    expect(new URL((pc.action as { url: string }).url).searchParams.get('type')).toBe('alipay');
  });

  it('an order the gateway never saw: NOT_FOUND, closing it is harmless, it cannot be refunded and no refund of it was made', async () => {
    const serialNo = serial();
    expect(await plugin.queryPayment({ account, serialNo })).toMatchObject({ state: 'NOT_FOUND', amount: null });
    await plugin.closePayment({ account, serialNo });
    expect(await channelError(plugin.refund({ account, serialNo, channelTradeNo: null, refundSerialNo: `R${serialNo}`, amount: 1, totalAmount: 1 }))).toMatchObject({
      channelCode: 'EASYPAY_TRADE_NOT_EXIST',
      retryable: false,
    });
    expect(await plugin.queryRefund({ account, serialNo, refundSerialNo: `R${serialNo}` })).toMatchObject({ state: 'FAILED' });
  });

  it('refuses to refund an unpaid order', async () => {
    const serialNo = serial();
    await plugin.createPayment(input('QR', serialNo, 100));
    expect(await channelError(plugin.refund({ account, serialNo, channelTradeNo: null, refundSerialNo: `R${serialNo}`, amount: 100, totalAmount: 100 }))).toMatchObject({
      channelCode: 'EASYPAY_TRADE_NOT_PAID',
      retryable: false,
    });
  });

  it('a lost refund answer is settled by the order total: made once → succeeded; never made → retryable, then failed by the query', async () => {
    const lossy = { ...account, endpoint: `${server.baseUrl}/lossy` };
    const serialNo = serial();
    await openPage(((await plugin.createPayment(input('PC', serialNo, 800, lossy))).action as { url: string }).url);
    await payEasypayTrade({ pid: credentials().pid, outTradeNo: serialNo });
    const base = { account: lossy, serialNo, channelTradeNo: null, totalAmount: 800 };

    lossyRefund = 'LOSE_REQUEST';
    expect(await channelError(plugin.refund({ ...base, refundSerialNo: `R${serialNo}1`, amount: 300 }))).toMatchObject({ channelCode: 'EASYPAY_HTTP_ERROR', retryable: true });
    expect(await plugin.queryRefund({ account: lossy, serialNo, refundSerialNo: `R${serialNo}1` })).toMatchObject({ state: 'FAILED' });

    lossyRefund = 'LOSE_ANSWER';
    expect(await plugin.refund({ ...base, refundSerialNo: `R${serialNo}2`, amount: 300 })).toMatchObject({ state: 'SUCCEEDED' });
    const trade = await db().sandboxEasypayTrade.findUniqueOrThrow({ where: { pid_outTradeNo: { pid: credentials().pid, outTradeNo: serialNo } } });
    expect(trade.refundedFen).toBe(300);
  });

  it('refuses a wrong key and a bad signature as the gateway does, storing nothing', async () => {
    const wrongKey = { ...account, credentials: { ...credentials(), key: `${credentials().key}x` } };
    expect(await channelError(plugin.queryPayment({ account: wrongKey, serialNo: serial() }))).toMatchObject({ channelCode: 'EASYPAY_-3', retryable: false });
    const serialNo = serial();
    expect(await channelError(plugin.createPayment(input('QR', serialNo, 100, wrongKey)))).toMatchObject({ channelCode: 'EASYPAY_-1', channelMessage: expect.stringContaining('签名') });
    expect(await db().sandboxEasypayTrade.count({ where: { outTradeNo: serialNo } })).toBe(0);
  });

  it('never returns the merchant key, in results or errors', async () => {
    const { key } = credentials();
    const serialNo = serial();
    const created = await plugin.createPayment(input('QR', serialNo, 100));
    const results = [created, await plugin.queryPayment({ account, serialNo }), await plugin.closePayment({ account, serialNo })];
    const errors = [
      await channelError(plugin.refund({ account, serialNo, channelTradeNo: null, refundSerialNo: 'R1', amount: 100, totalAmount: 100 })),
      await channelError(plugin.queryPayment({ account: { ...account, endpoint: 'http://127.0.0.1:9' }, serialNo })),
    ];
    expect(JSON.stringify(results)).not.toContain(key);
    for (const error of errors) expect(`${error.message} ${JSON.stringify(error.raw ?? null)}`).not.toContain(key);
    expect(errors[1]).toMatchObject({ channelCode: 'EASYPAY_UNREACHABLE', retryable: true });
  });

  it('has no bill to download: its capability says to query each order instead', () => {
    expect(plugin.bills).toEqual({ kind: 'NONE', reconcileBy: 'QUERY_EACH_ORDER' });
  });
});

describe('a live EasyPay gateway, with public targets only (production)', () => {
  publicTargetsOnly();

  it('is never called on a non-public address, nor on a name resolving to one; a sandbox account still reaches its simulator', async () => {
    const live = (endpoint: string): ChannelAccount => ({ ...account, mode: 'LIVE', endpoint });
    for (const endpoint of [`${server.baseUrl}/sandbox/easypay`, `http://[::ffff:127.0.0.1]:${new URL(server.baseUrl).port}/sandbox/easypay`, `http://${hostname()}:${new URL(server.baseUrl).port}/sandbox/easypay`]) {
      const error = await channelError(plugin.queryPayment({ account: live(endpoint), serialNo: serial() }));
      expect(error, endpoint).toMatchObject({ channelCode: 'EASYPAY_GATEWAY_REFUSED', retryable: false, channelMessage: expect.stringMatching(/^refused: .*non-public address/) });
    }
    expect(await plugin.queryPayment({ account, serialNo: serial() })).toMatchObject({ state: 'NOT_FOUND' });
  });
});
