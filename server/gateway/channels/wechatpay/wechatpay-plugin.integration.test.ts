// The WeChat Pay plugin end to end through the real wechatpay-node-v3 SDK, against the built-in
// simulator on a real HTTP server: every invoke method, signed and encrypted callbacks, query, close,
// partial refunds, the trade bill, and answers or callbacks that must not be believed.
import { createHash, createPublicKey, generateKeyPairSync, verify, X509Certificate } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as wechatpayGet, POST as wechatpayPost } from '@/app/sandbox/wechatpay/v3/[...path]/route';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { db } from '@/server/db/client';
import { BILL_NOT_READY, ChannelError } from '@/server/gateway/channel-error';
import { parseRequest } from '@/server/gateway/request-parser';
import type { ChannelAccount, CreatePaymentInput } from '@/server/gateway/types';
import { randomBase62 } from '@/server/lib/ids';
import { payWechatpayTrade } from '@/server/sandbox/wechatpay';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { serveWebHandler, type RunningServer } from '@/server/testing/node-http-bridge';
import { downloadPlatformCertificates, wechatpayPlugin as plugin } from './index';
import { publicKeyEntry } from './test-vectors';

interface Callback {
  headers: Record<string, string>;
  body: string;
}

let server: RunningServer;
let account: ChannelAccount;
const callbacks: Callback[] = [];
const METHODS = ['PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR'] as const;
const OPEN_ID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

let companyAdmin: Awaited<ReturnType<typeof makeUser>>;
let merchantId: string;

beforeAll(async () => {
  server = await serveWebHandler(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/sandbox/wechatpay/v3/')) return request.method === 'POST' ? wechatpayPost(request) : wechatpayGet(request);
    if (pathname === '/notify') {
      // As the center's route passes them: header names lowercased, the body as received.
      callbacks.push({ headers: Object.fromEntries(request.headers), body: await request.text() });
      return new Response(null, { status: 204 });
    }
    return new Response('Not Found', { status: 404 });
  });
  const admin = await platformAdmin();
  companyAdmin = await makeUser('COMPANY_ADMIN', (await makeCompany(admin)).id);
  merchantId = (await createMerchant({ actor: companyAdmin, input: { name: '花园小区', description: null } })).id;
});

/** A sandbox WeChat Pay channel in one of WeChat's verification modes, its API on this test's server. */
async function activate(wechatVerifyMode: 'PUBLIC_KEY' | 'PLATFORM_CERT'): Promise<ChannelAccount> {
  const channel = await activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'WECHATPAY', mode: 'SANDBOX', invokeMethods: [...METHODS], wechatVerifyMode } });
  // The simulator listens on this test's own server rather than the app's base URL.
  return { ...(await loadChannelAccount(channel.paymentId)), endpoint: `${server.baseUrl}/sandbox/wechatpay` };
}

afterAll(() => server?.close());

const credentials = () => {
  if (account.credentials.channel !== 'WECHATPAY') throw new Error('not WeChat Pay');
  return account.credentials;
};
const serial = () => `P${Date.now()}${randomBase62(12)}`;

function input(invokeMethod: (typeof METHODS)[number], serialNo: string, amount = 1000, payer: CreatePaymentInput['payer'] = { openId: OPEN_ID, clientIp: '203.0.113.7' }): CreatePaymentInput {
  return {
    account,
    execution: parseRequest({ channel: 'WECHATPAY', invokeMethod, enabled: METHODS, payerOpenId: invokeMethod === 'MINI_PROGRAM' ? OPEN_ID : null, payerClientIp: '203.0.113.7' }),
    serialNo,
    amount,
    subject: '物业费 2026-11 & 停车费',
    expiresAt: new Date(Date.now() + 15 * 60_000),
    notifyUrl: `${server.baseUrl}/notify`,
    returnUrl: 'https://app.example/paid?order=1',
    payer,
  };
}

/** The simulated payer pays; the simulator sends its signed, encrypted callback at once. */
async function payAndReadCallback(serialNo: string): Promise<Callback> {
  const before = callbacks.length;
  await payWechatpayTrade({ mchId: credentials().mchId, outTradeNo: serialNo });
  expect(callbacks.length).toBe(before + 1);
  return callbacks.at(-1)!;
}

const parse = (callback: Callback, now?: Date) => plugin.parseNotification({ account, method: 'POST', query: '', now, ...callback });

async function channelError(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

describe.each(['PUBLIC_KEY', 'PLATFORM_CERT'] as const)('WeChat Pay plugin against the simulator (%s mode)', (mode) => {
  beforeAll(async () => {
    account = await activate(mode);
  });

  it('trusts the key WeChat signs with in this mode, under the serial it names', () => {
    expect(account.trustedKeys).toHaveLength(1);
    expect(account.trustedKeys[0]!.serial).toMatch(mode === 'PUBLIC_KEY' ? /^PUB_KEY_ID_/ : /^[0-9A-F]{40}$/);
    expect(!!account.trustedKeys[0]!.certificatePem).toBe(mode === 'PLATFORM_CERT');
  });

  it('NATIVE: answers a QR code; paid, the callback verifies and reads; queried; refunded twice in part; a paid trade cannot be closed', async () => {
    const serialNo = serial();
    const created = await plugin.createPayment(input('QR', serialNo, 1000));
    expect(created.action.type).toBe('QR_CODE');
    expect((created.action as { content: string }).content).toMatch(/^weixin:\/\/|^https?:\/\//);
    expect(await plugin.queryPayment({ account, serialNo })).toMatchObject({ state: 'PENDING', channelTradeNo: null, amount: 1000 });

    const check = parse(await payAndReadCallback(serialNo));
    expect(check).toMatchObject({ verified: true, notification: { kind: 'PAYMENT', serialNo, state: 'SUCCEEDED', amount: 1000 } });
    const state = await plugin.queryPayment({ account, serialNo });
    expect(state).toMatchObject({ state: 'SUCCEEDED', amount: 1000 });
    expect(state.channelTradeNo).toMatch(/^\d{28}$/);
    expect(check.verified && check.notification.kind === 'PAYMENT' && check.notification.channelTradeNo).toBe(state.channelTradeNo);
    expect(state.paidAt).toBeInstanceOf(Date);

    const base = { account, serialNo, channelTradeNo: state.channelTradeNo, totalAmount: 1000 };
    const first = await plugin.refund({ ...base, refundSerialNo: `R${serialNo.slice(1)}1`, amount: 300, reason: '多收退费' });
    expect(['PROCESSING', 'SUCCEEDED']).toContain(first.state);
    expect(first.channelRefundNo).toBeTruthy();
    await plugin.refund({ ...base, refundSerialNo: `R${serialNo.slice(1)}2`, amount: 200 });
    // The same refund again is the same refund: no money moves twice.
    const again = await plugin.refund({ ...base, refundSerialNo: `R${serialNo.slice(1)}2`, amount: 200 });
    expect(await plugin.queryRefund({ account, serialNo, refundSerialNo: `R${serialNo.slice(1)}1` })).toMatchObject({ state: 'SUCCEEDED', channelRefundNo: first.channelRefundNo });
    expect(await plugin.queryRefund({ account, serialNo, refundSerialNo: `R${serialNo.slice(1)}2` })).toMatchObject({ state: 'SUCCEEDED', channelRefundNo: again.channelRefundNo });
    const trade = await db().sandboxWechatTrade.findUniqueOrThrow({ where: { mchId_outTradeNo: { mchId: credentials().mchId, outTradeNo: serialNo } } });
    expect(trade.refundedFen).toBe(500);

    const tooMuch = await channelError(plugin.refund({ ...base, refundSerialNo: `R${serialNo.slice(1)}3`, amount: 501 }));
    expect(tooMuch.retryable).toBe(false);
    // A refund WeChat never saw reads as still processing: absence never frees money.
    expect(await plugin.queryRefund({ account, serialNo, refundSerialNo: `R${serialNo.slice(1)}9` })).toMatchObject({ state: 'PROCESSING', channelRefundNo: null });

    const close = await channelError(plugin.closePayment({ account, serialNo }));
    expect(close).toMatchObject({ retryable: false });
    expect(await plugin.queryPayment({ account, serialNo })).toMatchObject({ state: 'SUCCEEDED' });
  });

  it('H5: redirects to h5_url with the return URL; needs the payer IP', async () => {
    const serialNo = serial();
    const created = await plugin.createPayment(input('WAP', serialNo, 1));
    expect(created.action.type).toBe('REDIRECT');
    const url = new URL((created.action as { url: string }).url);
    expect(url.searchParams.get('redirect_url')).toBe('https://app.example/paid?order=1');
    expect(parse(await payAndReadCallback(serialNo))).toMatchObject({ verified: true, notification: { amount: 1, state: 'SUCCEEDED' } });

    // The request parser asks for the IP already; the plugin does not rely on it.
    const noIp = await channelError(plugin.createPayment(input('WAP', serial(), 1, { clientIp: null })));
    expect(noIp).toMatchObject({ channelCode: 'PARAM_ERROR', retryable: false });
  });

  it('JSAPI / mini program: wx.requestPayment parameters signed with the merchant key; needs the openid', async () => {
    const serialNo = serial();
    const created = await plugin.createPayment(input('MINI_PROGRAM', serialNo, 500));
    expect(created.action.type).toBe('SDK_PARAMS');
    const params = (created.action as { params: Record<string, string> }).params;
    expect(params).toMatchObject({ appId: credentials().appId, signType: 'RSA', package: expect.stringMatching(/^prepay_id=\S+$/) });
    expect(params.timeStamp).toMatch(/^\d{10}$/);
    const signed = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
    expect(verify('sha256', Buffer.from(signed), createPublicKey(credentials().privateKey), Buffer.from(params.paySign!, 'base64'))).toBe(true);
    expect(parse(await payAndReadCallback(serialNo))).toMatchObject({ verified: true, notification: { amount: 500 } });

    const noOpenId = await channelError(plugin.createPayment(input('MINI_PROGRAM', serial(), 500, { openId: null })));
    expect(noOpenId).toMatchObject({ channelCode: 'PARAM_ERROR', retryable: false });
  });

  it('APP: parameters for the WeChat app SDK signed with the merchant key', async () => {
    const serialNo = serial();
    const created = await plugin.createPayment(input('APP', serialNo, 99));
    const params = (created.action as { params: Record<string, string> }).params;
    expect(params).toMatchObject({ appid: credentials().appId, partnerid: credentials().mchId, package: 'Sign=WXPay' });
    const signed = `${params.appid}\n${params.timestamp}\n${params.noncestr}\n${params.prepayid}\n`;
    expect(verify('sha256', Buffer.from(signed), createPublicKey(credentials().privateKey), Buffer.from(params.sign!, 'base64'))).toBe(true);
    expect(parse(await payAndReadCallback(serialNo))).toMatchObject({ verified: true, notification: { amount: 99 } });
  });

  it('closes an unpaid order, which then reads CLOSED; closing again, or an order WeChat never saw, is harmless', async () => {
    const serialNo = serial();
    await plugin.createPayment(input('PC', serialNo, 2550));
    await plugin.closePayment({ account, serialNo });
    expect(await plugin.queryPayment({ account, serialNo })).toMatchObject({ state: 'CLOSED' });
    await plugin.closePayment({ account, serialNo });
    const unknown = serial();
    await plugin.closePayment({ account, serialNo: unknown });
    expect(await plugin.queryPayment({ account, serialNo: unknown })).toMatchObject({ state: 'NOT_FOUND', channelTradeNo: null });
  });

  it('refuses what WeChat refuses, as non-retryable errors', async () => {
    const serialNo = serial();
    await plugin.createPayment(input('QR', serialNo, 100));
    // The same out_trade_no with another amount.
    const conflict = await channelError(plugin.createPayment(input('QR', serialNo, 200)));
    expect(conflict.retryable).toBe(false);
    const other = { ...account, credentials: { ...credentials(), merchantCertSerial: 'ABCDEF0123456789' } };
    // WeChat cannot tell whose request this is, so its answer may be signed under no key we trust: still reported as the error it is.
    const unsigned = await channelError(plugin.queryPayment({ account: other, serialNo }));
    expect(unsigned).toMatchObject({ channelCode: 'SIGN_ERROR', retryable: false });
  });

  it('refuses answers signed by a key not on the whitelist, or under another serial', async () => {
    const stranger = createPublicKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
    const serialOfSimulator = account.trustedKeys[0]!.serial;
    const known = serial();
    await plugin.createPayment(input('QR', known, 100));
    for (const trustedKeys of [[publicKeyEntry(serialOfSimulator, stranger)], [{ ...account.trustedKeys[0]!, serial: 'PUB_KEY_ID_0000' }], []]) {
      const untrusting = { ...account, trustedKeys };
      const error = await channelError(plugin.queryPayment({ account: untrusting, serialNo: known }));
      expect(error).toMatchObject({ channelCode: 'RESPONSE_SIGNATURE_INVALID', retryable: false });
      // An error answer it cannot verify is never read as a result: "order does not exist" stays an error, not NOT_FOUND.
      const missing = await channelError(plugin.queryPayment({ account: untrusting, serialNo: serial() }));
      expect(missing).toMatchObject({ channelCode: 'ORDER_NOT_EXIST', channelMessage: expect.stringContaining('not signed by a trusted'), retryable: false });
    }
    const created = await channelError(plugin.createPayment({ ...input('QR', serial()), account: { ...account, trustedKeys: [publicKeyEntry(serialOfSimulator, stranger)] } }));
    expect(created.channelCode).toBe('RESPONSE_SIGNATURE_INVALID');
  });

  it('answers network failures as retryable', async () => {
    const error = await channelError(plugin.queryPayment({ account: { ...account, endpoint: 'http://127.0.0.1:9/sandbox/wechatpay' }, serialNo: serial() }));
    expect(error).toMatchObject({ channelCode: 'WECHATPAY_UNREACHABLE', retryable: true });
  });

  it('callbacks: a tampered, replayed, stale or wrong-serial copy of a genuine callback is not believed', async () => {
    const serialNo = serial();
    await plugin.createPayment(input('QR', serialNo, 1000));
    const genuine = await payAndReadCallback(serialNo);
    expect(parse(genuine).verified).toBe(true);
    const tampered = { ...genuine, body: genuine.body.replace('"event_type":"TRANSACTION.SUCCESS"', '"event_type":"TRANSACTION.SUCCESS" ') };
    expect(tampered.body).not.toBe(genuine.body);
    expect(parse(tampered)).toMatchObject({ verified: false, reason: 'BAD_SIGNATURE' });
    expect(parse(genuine, new Date(Date.now() + 6 * 60_000))).toMatchObject({ verified: false, reason: 'STALE_TIMESTAMP' });
    expect(genuine.headers['wechatpay-serial']).toBe(account.trustedKeys[0]!.serial);
    for (const other of ['PUB_KEY_ID_0100000000000000000000000000', '1234567890ABCDEF1234567890ABCDEF12345678']) {
      expect(parse({ ...genuine, headers: { ...genuine.headers, 'wechatpay-serial': other } })).toMatchObject({ verified: false, reason: 'UNKNOWN_SERIAL' });
    }
    const otherMerchant = { ...account, credentials: { ...credentials(), mchId: '1999999999' } };
    expect(plugin.parseNotification({ account: otherMerchant, method: 'POST', query: '', ...genuine })).toMatchObject({ verified: false, reason: 'MCHID_MISMATCH', serialNo });
  });

  it('downloads a past day’s trade and fund flow bills gzipped, checked against their SHA1; today’s is not ready', async () => {
    if (plugin.bills.kind !== 'DOWNLOAD') throw new Error('WeChat Pay publishes bills');
    const { downloadBill } = plugin.bills;
    const serialNo = serial();
    await plugin.createPayment(input('QR', serialNo, 1234));
    await payAndReadCallback(serialNo);
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    await db().sandboxWechatTrade.update({ where: { mchId_outTradeNo: { mchId: credentials().mchId, outTradeNo: serialNo } }, data: { paidAt: yesterday } });
    const day = new Date(yesterday.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    for (const billType of ['TRADE', 'FUND_FLOW'] as const) {
      const bill = await downloadBill({ account, date: day, billType });
      if (bill.kind !== 'FILE') throw new Error(`no ${billType} file`);
      expect(bill.file).toMatchObject({ packing: 'GZIP', contentType: 'application/octet-stream', declaredHash: { algorithm: 'SHA1' } });
      const raw = await buffer(bill.file.content);
      // Kept as served (gzip); WeChat's hash_value is the SHA1 of the bill inside.
      const text = gunzipSync(raw).toString('utf8');
      expect(createHash('sha1').update(text).digest('hex')).toBe(bill.file.declaredHash?.value);
      expect(text).toContain(serialNo);
      expect(text).toContain('12.34');
    }
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(await channelError(downloadBill({ account, date: today, billType: 'TRADE' }))).toMatchObject({ channelCode: BILL_NOT_READY, retryable: true });
    // A finished day without any trade: WeChat's NO_STATEMENT_EXIST, an empty bill.
    const quiet = new Date(Date.now() - 40 * 24 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10);
    expect(await downloadBill({ account, date: quiet, billType: 'FUND_FLOW' })).toMatchObject({ kind: 'EMPTY', raw: { code: 'NO_STATEMENT_EXIST' } });
  });
});

describe('downloadPlatformCertificates against the simulator', () => {
  let platformAccount: ChannelAccount;
  beforeAll(async () => {
    platformAccount = await activate('PLATFORM_CERT');
  });

  it('downloads, verifies and decrypts the platform certificate the merchant already trusts', async () => {
    const certificates = await downloadPlatformCertificates(platformAccount);
    expect(certificates).toHaveLength(1);
    const [certificate] = certificates;
    expect(certificate!.serial).toBe(platformAccount.trustedKeys[0]!.serial);
    expect(new X509Certificate(certificate!.pem).raw.equals(new X509Certificate(platformAccount.trustedKeys[0]!.certificatePem!).raw)).toBe(true);
    expect(certificate!.validTo.getTime()).toBeGreaterThan(Date.now());
  });

  it('bootstraps an empty whitelist only with a certificate that verifies its own answer', async () => {
    const certificates = await downloadPlatformCertificates({ ...platformAccount, trustedKeys: [] });
    expect(certificates.map((certificate) => certificate.serial)).toEqual([platformAccount.trustedKeys[0]!.serial]);
  });

  it('refuses an answer signed under a serial the whitelist lacks once it holds a certificate, and a wrong APIv3 key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const stranger = { serial: '1234567890ABCDEF1234567890ABCDEF12345678', key: createPublicKey(other), certificatePem: 'pinned elsewhere' };
    expect(await channelError(downloadPlatformCertificates({ ...platformAccount, trustedKeys: [stranger] }))).toMatchObject({ channelCode: 'RESPONSE_SIGNATURE_INVALID', retryable: false });
    const wrongKey = { ...platformAccount, trustedKeys: [], credentials: { ...platformAccount.credentials, apiV3Key: 'x'.repeat(32) } } as ChannelAccount;
    expect(await channelError(downloadPlatformCertificates(wrongKey))).toMatchObject({ channelCode: 'CERTIFICATE_UNREADABLE', retryable: false });
  });
});
