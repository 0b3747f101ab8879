// The Alipay plugin end to end through the real alipay-sdk, against the built-in simulator on a real
// HTTP server: every invoke method, the cashier, signed notifies, query, close, partial refunds, bill.
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as gateway } from '@/app/sandbox/alipay/gateway.do/route';
import { GET as bill } from '@/app/sandbox/alipay/bill/route';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { env } from '@/server/config/env';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { BILL_NOT_READY, ChannelError } from '@/server/gateway/channel-error';
import { parseRequest } from '@/server/gateway/request-parser';
import type { ChannelAccount, CreatePaymentInput } from '@/server/gateway/types';
import { randomBase62 } from '@/server/lib/ids';
import { payAlipayTrade } from '@/server/sandbox/alipay';
import { serveRouteHandlers, type RunningServer } from '@/server/sandbox/alipay/testing/serve-route-handlers';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { alipayPlugin as plugin } from './index';

let server: RunningServer;
let account: ChannelAccount;
const notifyBodies: string[] = [];

beforeAll(async () => {
  // On the app's base URL, where the simulator's bill_download_url points.
  const port = Number(new URL(env().PAYCENTER_BASE_URL).port);
  server = await serveRouteHandlers(
    {
      '/sandbox/alipay/gateway.do': gateway,
      '/sandbox/alipay/bill': bill,
      '/notify': async (request) => {
        notifyBodies.push(await request.text());
        return new Response('success');
      },
    },
    { port },
  );
  const admin = await platformAdmin();
  const companyAdmin = await makeUser('COMPANY_ADMIN', (await makeCompany(admin)).id);
  const merchant = await createMerchant({ actor: companyAdmin, input: { name: '花园小区', description: null } });
  const channel = await activateChannel({
    actor: companyAdmin,
    input: { merchantId: merchant.id, channel: 'ALIPAY', mode: 'SANDBOX', invokeMethods: ['PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR'] },
  });
  // The simulator listens on this test's own server rather than the app's base URL.
  account = { ...(await loadChannelAccount(channel.paymentId)), endpoint: `${server.baseUrl}/sandbox/alipay` };
});

afterAll(() => server?.close());

const appId = () => (account.credentials.channel === 'ALIPAY' ? account.credentials.appId : '');
const serial = () => `P${Date.now()}${randomBase62(12)}`;

function input(invokeMethod: 'PC' | 'WAP' | 'APP' | 'MINI_PROGRAM' | 'QR', serialNo: string, amount = 1000): CreatePaymentInput {
  return {
    account,
    execution: parseRequest({ channel: 'ALIPAY', invokeMethod, enabled: ['PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR'], payerBuyerId: '2088102177846880' }),
    serialNo,
    amount,
    subject: '物业费 2026-11 & 停车费',
    expiresAt: new Date(Date.now() + 15 * 60_000),
    notifyUrl: `${server.baseUrl}/notify`,
    returnUrl: 'https://app.example/paid',
    payer: { buyerId: '2088102177846880' },
  };
}

/** The user opens the channel's page (as a browser would follow the redirect). */
async function open(url: string): Promise<void> {
  const response = await fetch(url, { redirect: 'manual' });
  expect([302, 303]).toContain(response.status);
}

async function payAndReadNotify(serialNo: string) {
  const before = notifyBodies.length;
  await payAlipayTrade({ appId: appId(), outTradeNo: serialNo });
  expect(notifyBodies.length).toBe(before + 1);
  return plugin.parseNotification({ account, method: 'POST', headers: {}, query: '', body: notifyBodies.at(-1)! });
}

describe('Alipay plugin against the simulator', () => {
  it('PC: redirects to the cashier, the paid trade is notified with a verified signature, queried, refunded twice in part', async () => {
    const serialNo = serial();
    const created = await plugin.createPayment(input('PC', serialNo, 1000));
    expect(created.action.type).toBe('REDIRECT');
    await open((created.action as { url: string }).url);

    const check = await payAndReadNotify(serialNo);
    expect(check).toMatchObject({ verified: true, notification: { serialNo, state: 'SUCCEEDED', amount: 1000 } });

    const state = await plugin.queryPayment({ account, serialNo });
    expect(state).toMatchObject({ state: 'SUCCEEDED', amount: 1000 });
    expect(state.channelTradeNo).toMatch(/^\d{28}$/);

    const base = { account, serialNo, channelTradeNo: state.channelTradeNo, totalAmount: 1000 };
    expect(await plugin.refund({ ...base, refundSerialNo: `R${serialNo}1`, amount: 300, reason: '多收退费' })).toMatchObject({ state: 'SUCCEEDED' });
    expect(await plugin.refund({ ...base, refundSerialNo: `R${serialNo}2`, amount: 200 })).toMatchObject({ state: 'SUCCEEDED' });
    // The same refund again moves no money and still reads as succeeded.
    expect(await plugin.refund({ ...base, refundSerialNo: `R${serialNo}2`, amount: 200 })).toMatchObject({ state: 'SUCCEEDED' });
    expect(await plugin.queryRefund({ account, serialNo, refundSerialNo: `R${serialNo}1` })).toMatchObject({ state: 'SUCCEEDED' });
    const tooMuch = await plugin.refund({ ...base, refundSerialNo: `R${serialNo}3`, amount: 501 }).catch((e: unknown) => e);
    expect(tooMuch).toBeInstanceOf(ChannelError);
    expect((tooMuch as ChannelError).retryable).toBe(false);
    expect(await plugin.queryPayment({ account, serialNo })).toMatchObject({ state: 'SUCCEEDED' });
  });

  it('WAP: redirects to the cashier and is paid', async () => {
    const serialNo = serial();
    const created = await plugin.createPayment(input('WAP', serialNo, 1));
    await open((created.action as { url: string }).url);
    expect(await payAndReadNotify(serialNo)).toMatchObject({ verified: true, notification: { amount: 1, state: 'SUCCEEDED' } });
  });

  it('QR: answers a QR code; an unscanned trade is unknown to Alipay and closing it is harmless', async () => {
    const serialNo = serial();
    const created = await plugin.createPayment(input('QR', serialNo, 2550));
    expect(created.action).toMatchObject({ type: 'QR_CODE' });
    expect((created.action as { content: string }).content).toMatch(/^http/);
    expect(await plugin.queryPayment({ account, serialNo })).toMatchObject({ state: 'NOT_FOUND' });
    await plugin.closePayment({ account, serialNo });
  });

  it('APP: signs an order string the Alipay app opens', async () => {
    const serialNo = serial();
    const created = await plugin.createPayment(input('APP', serialNo, 99));
    const orderString = (created.action as { params: Record<string, string> }).params.orderString!;
    expect(orderString).toContain('sign=');
    await open(`${account.endpoint}/gateway.do?${orderString}`);
    expect(await payAndReadNotify(serialNo)).toMatchObject({ verified: true, notification: { amount: 99 } });
  });

  it('MINI_PROGRAM: creates a JSAPI trade for the buyer, closes it, and it reads as closed', async () => {
    const serialNo = serial();
    const created = await plugin.createPayment(input('MINI_PROGRAM', serialNo, 500));
    expect(created.channelTradeNo).toMatch(/^\d{28}$/);
    expect(created.action).toEqual({ type: 'SDK_PARAMS', params: { tradeNO: created.channelTradeNo } });
    await plugin.closePayment({ account, serialNo });
    expect(await plugin.queryPayment({ account, serialNo })).toMatchObject({ state: 'CLOSED' });
  });

  it('refuses answers signed by a key that is not on the whitelist', async () => {
    const { generateKeyPairSync, createPublicKey } = await import('node:crypto');
    const stranger = createPublicKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
    const untrusting = { ...account, trustedKeys: [{ serial: 'x', key: stranger, certificatePem: null }] };
    const error = await plugin.queryPayment({ account: untrusting, serialNo: serial() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ channelCode: 'RESPONSE_SIGNATURE_INVALID', retryable: false });
  });

  it('downloads a past day’s bill as the ZIP Alipay serves; today’s is not ready yet (retryable)', async () => {
    if (plugin.bills.kind !== 'DOWNLOAD') throw new Error('Alipay publishes bills');
    expect(plugin.bills.billTypes).toEqual(['TRADE']);
    const yesterday = new Date(Date.now() - 24 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10);
    const bill = await plugin.bills.downloadBill({ account, date: yesterday, billType: 'TRADE' });
    if (bill.kind !== 'FILE') throw new Error('Alipay always has a file for a past day');
    expect(bill.file).toMatchObject({ packing: 'ZIP', declaredHash: null, contentType: 'application/oct-stream', fileName: `${appId()}_${yesterday.replaceAll('-', '')}.csv.zip` });
    expect((await buffer(bill.file.content)).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const error = await plugin.bills.downloadBill({ account, date: today, billType: 'TRADE' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ channelCode: BILL_NOT_READY, retryable: true });
    expect((error as ChannelError).channelMessage).toContain('isp.bill_not_exist');
  });
});
