// The simulator driven through the real alipay-sdk over HTTP: trades, queries, closes, refunds, and the
// gateway's own refusals.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAlipayResponse } from '@/server/gateway/channels/alipay/response-signature';
import { openAlipayCashier } from './cashier';
import { payAlipayTrade } from './pay-trade';
import { startAlipaySandbox, type AlipaySandboxHarness } from './testing/alipay-sandbox-harness';

let sandbox: AlipaySandboxHarness;
beforeAll(async () => {
  sandbox = await startAlipaySandbox();
});
afterAll(async () => sandbox.server.close());

const exec = (method: string, bizContent: Record<string, unknown>, extra: Record<string, string> = {}) =>
  sandbox.sdk.exec(method, { bizContent, ...extra }, { validateSign: true });

let serial = 0;
const nextOutTradeNo = () => `T${Date.now()}${serial++}`;

describe('alipay.trade.precreate and alipay.trade.query', () => {
  it('answers a signed qr_code to the cashier; the trade exists once the buyer has opened it', async () => {
    const outTradeNo = nextOutTradeNo();
    const created = await exec('alipay.trade.precreate', { outTradeNo, totalAmount: '10.00', subject: '物业费 2026年11月' });
    expect(created).toMatchObject({ code: '10000', msg: 'Success', outTradeNo });
    const qr = created.qrCode as string;
    expect(qr).toMatch(/\/sandbox\/alipay\/cashier\/\d{28}$/);

    // As at Alipay: a precreated trade nobody scanned is unknown to query.
    expect(await exec('alipay.trade.query', { outTradeNo })).toMatchObject({ code: '40004', subCode: 'ACQ.TRADE_NOT_EXIST' });
    await openAlipayCashier(qr.slice(-28));
    const queried = await exec('alipay.trade.query', { outTradeNo });
    expect(queried).toMatchObject({ code: '10000', tradeStatus: 'WAIT_BUYER_PAY', totalAmount: '10.00', tradeNo: qr.slice(-28) });
    expect(queried.sendPayDate).toBeUndefined();
  });

  it('repeats an identical create and refuses the same out_trade_no with another amount', async () => {
    const outTradeNo = nextOutTradeNo();
    const first = await exec('alipay.trade.precreate', { outTradeNo, totalAmount: '1.50', subject: 'a' });
    expect(await exec('alipay.trade.precreate', { outTradeNo, totalAmount: '1.50', subject: 'a' })).toMatchObject({ code: '10000', qrCode: first.qrCode });
    expect(await exec('alipay.trade.precreate', { outTradeNo, totalAmount: '2.00', subject: 'a' })).toMatchObject({ code: '40004', subCode: 'ACQ.CONTEXT_INCONSISTENT' });
  });

  it.each([['0.00'], ['1.001'], ['-1.00'], ['abc']])('refuses total_amount %s with ACQ.INVALID_PARAMETER', async (totalAmount) => {
    expect(await exec('alipay.trade.precreate', { outTradeNo: nextOutTradeNo(), totalAmount, subject: 'a' })).toMatchObject({ code: '40004', subCode: 'ACQ.INVALID_PARAMETER' });
  });

  it('refuses an out_trade_no longer than 64 characters', async () => {
    expect(await exec('alipay.trade.precreate', { outTradeNo: 'x'.repeat(65), totalAmount: '1.00', subject: 'a' })).toMatchObject({ subCode: 'ACQ.INVALID_PARAMETER' });
  });
});

describe('alipay.trade.create and alipay.trade.close', () => {
  it('creates a JSAPI trade only with a buyer, closes it once, and then refuses to close it again', async () => {
    const outTradeNo = nextOutTradeNo();
    expect(await exec('alipay.trade.create', { outTradeNo, totalAmount: '3.00', subject: 'a', productCode: 'JSAPI_PAY' })).toMatchObject({ subCode: 'ACQ.INVALID_PARAMETER' });
    const created = await exec('alipay.trade.create', { outTradeNo, totalAmount: '3.00', subject: 'a', productCode: 'JSAPI_PAY', buyerId: '2088000000000001' });
    expect(created).toMatchObject({ code: '10000', outTradeNo, tradeNo: expect.stringMatching(/^\d{28}$/) });

    expect(await exec('alipay.trade.close', { tradeNo: created.tradeNo })).toMatchObject({ code: '10000', tradeNo: created.tradeNo, outTradeNo });
    expect(await exec('alipay.trade.query', { outTradeNo })).toMatchObject({ tradeStatus: 'TRADE_CLOSED' });
    expect(await exec('alipay.trade.close', { outTradeNo })).toMatchObject({ code: '40004', subCode: 'ACQ.TRADE_STATUS_ERROR' });
    expect(await exec('alipay.trade.close', { outTradeNo: 'no-such-trade' })).toMatchObject({ code: '40004', subCode: 'ACQ.TRADE_NOT_EXIST' });
  });
});

describe('alipay.trade.refund and alipay.trade.fastpay.refund.query', () => {
  it('takes partial refunds idempotently by out_request_no and never beyond the total', async () => {
    const outTradeNo = nextOutTradeNo();
    await exec('alipay.trade.precreate', { outTradeNo, totalAmount: '10.00', subject: 'a' });
    expect(await exec('alipay.trade.refund', { outTradeNo, refundAmount: '1.00', outRequestNo: 'R0' })).toMatchObject({ subCode: 'ACQ.TRADE_NOT_EXIST' });
    await payAlipayTrade({ appId: sandbox.appId, outTradeNo });

    expect(await exec('alipay.trade.refund', { outTradeNo, refundAmount: '3.00', outRequestNo: 'R1' })).toMatchObject({ code: '10000', fundChange: 'Y', refundFee: '3.00' });
    expect(await exec('alipay.trade.refund', { outTradeNo, refundAmount: '3.00', outRequestNo: 'R2' })).toMatchObject({ code: '10000', fundChange: 'Y', refundFee: '6.00' });
    expect(await exec('alipay.trade.refund', { outTradeNo, refundAmount: '3.00', outRequestNo: 'R1' })).toMatchObject({ code: '10000', fundChange: 'N', refundFee: '6.00' });
    expect(await exec('alipay.trade.refund', { outTradeNo, refundAmount: '4.01', outRequestNo: 'R3' })).toMatchObject({ code: '40004', subCode: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL' });
    expect(await exec('alipay.trade.query', { outTradeNo })).toMatchObject({ tradeStatus: 'TRADE_SUCCESS' });

    expect(await exec('alipay.trade.fastpay.refund.query', { outTradeNo, outRequestNo: 'R2' })).toMatchObject({
      code: '10000', outRequestNo: 'R2', refundAmount: '3.00', totalAmount: '10.00', refundStatus: 'REFUND_SUCCESS',
    });
    const unknown = await exec('alipay.trade.fastpay.refund.query', { outTradeNo, outRequestNo: 'R3' });
    expect(unknown).toMatchObject({ code: '10000' });
    expect(unknown.refundStatus).toBeUndefined();

    // The last 4.00 empties the trade: Alipay closes it.
    expect(await exec('alipay.trade.refund', { outTradeNo, refundAmount: '4.00', outRequestNo: 'R3' })).toMatchObject({ code: '10000', refundFee: '10.00' });
    expect(await exec('alipay.trade.query', { outTradeNo })).toMatchObject({ tradeStatus: 'TRADE_CLOSED' });
  });

  it('refuses to refund an unpaid trade', async () => {
    const created = await exec('alipay.trade.create', { outTradeNo: nextOutTradeNo(), totalAmount: '1.00', subject: 'a', buyerOpenId: '074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5' });
    expect(await exec('alipay.trade.refund', { tradeNo: created.tradeNo, refundAmount: '1.00' })).toMatchObject({ code: '40004', subCode: 'ACQ.TRADE_STATUS_ERROR' });
  });
});

describe('gateway checks', () => {
  it('refuses a request signed with another key: 40002 isv.invalid-signature', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const result = await sandbox.sdkFor({ privateKeyPem: stranger }).exec('alipay.trade.query', { bizContent: { outTradeNo: 'x' } }, { validateSign: true });
    expect(result).toMatchObject({ code: '40002', msg: 'Invalid Arguments', subCode: 'isv.invalid-signature' });
  });

  it('refuses an unknown app: 40002 isv.invalid-app-id', async () => {
    const result = await sandbox.sdkFor({ appId: '2021009999999999' }).exec('alipay.trade.query', { bizContent: { outTradeNo: 'x' } }, { validateSign: true });
    expect(result).toMatchObject({ code: '40002', subCode: 'isv.invalid-app-id' });
  });

  it('refuses a tampered parameter and a stale timestamp', async () => {
    const url = new URL(sandbox.sdk.pageExec('alipay.trade.query', 'GET', { bizContent: { outTradeNo: 'x' } }));
    url.searchParams.set('biz_content', '{"out_trade_no":"y"}');
    expect(JSON.parse(await (await fetch(url)).text())).toMatchObject({ alipay_trade_query_response: { sub_code: 'isv.invalid-signature' } });
    url.searchParams.set('timestamp', '2020-01-01 00:00:00');
    expect(JSON.parse(await (await fetch(url)).text())).toMatchObject({ alipay_trade_query_response: { sub_code: 'isv.invalid-timestamp' } });
  });

  it('answers an unknown method with a signed error_response isv.invalid-method', async () => {
    // alipay-sdk cannot verify error_response (it looks for the method's own key), so check the raw text ourselves.
    const text = await (await fetch(sandbox.sdk.pageExec('alipay.trade.nonexistent', 'GET', {}))).text();
    const verified = verifyAlipayResponse(text, 'alipay.trade.nonexistent', [sandbox.simulatorKey]);
    expect(verified).toMatchObject({ ok: true, payload: { code: '40002', sub_code: 'isv.invalid-method' } });
  });

  it('escapes slashes as Alipay does, and signs the raw text', async () => {
    const url = sandbox.sdk.pageExec('alipay.trade.precreate', 'GET', { bizContent: { outTradeNo: nextOutTradeNo(), totalAmount: '1.00', subject: 'a' } });
    const text = await (await fetch(url)).text();
    expect(text).toContain('"qr_code":"http:\\/\\/');
  });
});

describe('page methods', () => {
  it('alipay.trade.page.pay by GET URL redirects to the cashier of a new trade', async () => {
    const outTradeNo = nextOutTradeNo();
    const url = sandbox.sdk.pageExec('alipay.trade.page.pay', 'GET', {
      bizContent: { outTradeNo, totalAmount: '0.01', subject: '停车费', productCode: 'FAST_INSTANT_TRADE_PAY' },
      returnUrl: 'https://merchant.example/return',
    });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/sandbox\/alipay\/cashier\/\d{28}$/);
  });

  it('alipay.trade.wap.pay by auto-submitting form POST redirects with 303', async () => {
    const html = sandbox.sdk.pageExec('alipay.trade.wap.pay', { bizContent: { outTradeNo: nextOutTradeNo(), totalAmount: '2.00', subject: 'a', productCode: 'QUICK_WAP_WAY' } });
    const action = /action="([^"]+)"/.exec(html)?.[1] ?? '';
    const fields = Object.fromEntries([...html.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map(([, name, value]) => [name!, value!.replaceAll('&quot;', '"')]));
    const response = await fetch(action, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
    expect(response.status).toBe(303);
  });

  it('an app.pay order string opened at the gateway (as the Alipay app would) creates the trade', async () => {
    const outTradeNo = nextOutTradeNo();
    const orderString = sandbox.sdk.sdkExec('alipay.trade.app.pay', { bizContent: { outTradeNo, totalAmount: '5.00', subject: 'a', productCode: 'QUICK_MSECURITY_PAY' } });
    const response = await fetch(`${sandbox.server.baseUrl}/sandbox/alipay/gateway.do?${orderString}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    await payAlipayTrade({ appId: sandbox.appId, outTradeNo });
    expect(await exec('alipay.trade.query', { outTradeNo })).toMatchObject({ tradeStatus: 'TRADE_SUCCESS', totalAmount: '5.00' });
  });

  it('shows Alipay\'s error page when a page request is refused', async () => {
    const url = sandbox.sdkFor({ appId: '2021009999999999' }).pageExec('alipay.trade.page.pay', 'GET', { bizContent: { outTradeNo: 'x', totalAmount: '1.00', subject: 'a' } });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('isv.invalid-app-id');
  });
});
