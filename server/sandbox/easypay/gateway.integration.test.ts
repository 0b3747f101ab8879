// The epay simulator over real HTTP: signature and key checks like the real gateway (nothing stored
// on a refusal), orders unique per merchant, refunds never past the order amount, callbacks retried
// until the exact body `success`, and the simulated user.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as api } from '@/app/sandbox/easypay/api.php/route';
import { POST as mapi } from '@/app/sandbox/easypay/mapi.php/route';
import { GET as submit } from '@/app/sandbox/easypay/submit.php/route';
import { db } from '@/server/db/client';
import { signEasypayParams, verifyEasypaySign } from '@/server/gateway/channels/easypay/md5-sign';
import { newId, randomBase62 } from '@/server/lib/ids';
import { seal } from '@/server/security/secret-box';
import { sandboxSharedAad } from '../register-sandbox-account';
import { serveRouteHandlers, type RunningServer } from '../alipay/testing/serve-route-handlers';
import { cancelEasypayTrade, deliverDueEasypayNotifications, EASYPAY_NOTIFY_RETRY_DELAYS_MS, easypaySandboxPayer, payEasypayTrade } from './index';

let server: RunningServer;
const pid = String(randomInt(100_000, 1_000_000));
const key = `k&=+%${randomBase62(20)}`;
const callbacks: Record<string, string>[] = [];
const answers: string[] = [];

beforeAll(async () => {
  const paymentChannelId = newId('pay');
  await db().sandboxAccount.create({ data: { paymentChannelId, channel: 'EASYPAY', accountId: pid, sharedSealed: seal(key, sandboxSharedAad(paymentChannelId)) } });
  server = await serveRouteHandlers({
    '/sandbox/easypay/submit.php': submit,
    '/sandbox/easypay/mapi.php': mapi,
    '/sandbox/easypay/api.php': api,
    '/notify': async (request) => {
      callbacks.push(Object.fromEntries(new URL(request.url).searchParams));
      return new Response(answers.shift() ?? 'success');
    },
  });
});

afterAll(() => server?.close());

const gateway = () => `${server.baseUrl}/sandbox/easypay`;
const order = (overrides: Record<string, string> = {}) => ({
  pid,
  type: 'alipay',
  out_trade_no: `P${randomBase62(16)}`,
  notify_url: `${server.baseUrl}/notify`,
  return_url: 'https://app.example/back',
  name: '物业费 & 停车费=1',
  money: '10.00',
  clientip: '203.0.113.7',
  device: 'pc',
  ...overrides,
});

async function post(script: string, form: Record<string, string>, query = ''): Promise<Record<string, unknown>> {
  const response = await fetch(`${gateway()}/${script}${query}`, { method: 'POST', body: new URLSearchParams(form) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

const mapiOrder = (params: Record<string, string>, signKey = key) => post('mapi.php', signEasypayParams(params, signKey));
const apiOrder = (outTradeNo: string, withKey = key) => fetch(`${gateway()}/api.php?${new URLSearchParams({ act: 'order', pid, key: withKey, out_trade_no: outTradeNo })}`).then((r) => r.json() as Promise<Record<string, unknown>>);
const refund = (outTradeNo: string, money: string) => post('api.php', { pid, key, out_trade_no: outTradeNo, money }, '?act=refund');
const stored = (outTradeNo: string) => db().sandboxEasypayTrade.count({ where: { pid, outTradeNo } });

describe('EasyPay simulator', () => {
  it('refuses a bad signature, another key, an unknown merchant and a GET to mapi.php, storing nothing', async () => {
    const params = order();
    const signed = signEasypayParams(params, key);
    expect(await post('mapi.php', { ...signed, money: '0.01' })).toEqual({ code: -1, msg: '签名校验失败，请返回重试！' });
    expect(await mapiOrder(params, `${key}x`)).toMatchObject({ code: -1 });
    expect(await mapiOrder({ ...params, pid: '9' })).toEqual({ code: -1, msg: '商户不存在！' });
    expect(await fetch(`${gateway()}/mapi.php?${new URLSearchParams(signed)}`).then((r) => r.json())).toMatchObject({ code: -1 });
    const page = await fetch(`${gateway()}/submit.php?${new URLSearchParams({ ...signed, name: 'x' })}`, { redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('签名校验失败');
    expect(await stored(params.out_trade_no)).toBe(0);
  });

  it('refuses bad fields with epay messages: type, money, notify_url', async () => {
    expect(await mapiOrder(order({ type: 'bank' }))).toMatchObject({ code: -1, msg: '支付方式(type)不支持' });
    expect(await mapiOrder(order({ money: '1.001' }))).toMatchObject({ code: -1, msg: '金额(money)不合法' });
    expect(await mapiOrder(order({ money: '0.00' }))).toMatchObject({ code: -1 });
    expect(await mapiOrder(order({ notify_url: 'ftp://x' }))).toMatchObject({ code: -1 });
  });

  it('answers qrcode to a computer and payurl to a phone; the same order again is the same trade, changed details are refused', async () => {
    const params = order();
    const first = await mapiOrder(params);
    expect(first).toMatchObject({ code: 1, trade_no: expect.stringMatching(/^\d{19}$/), qrcode: expect.stringContaining(`/sandbox/easypay/pay/${String(first.trade_no)}`) });
    expect(await mapiOrder(params)).toMatchObject({ code: 1, trade_no: first.trade_no });
    expect(await mapiOrder({ ...params, money: '10.01' })).toMatchObject({ code: -1 });
    expect(await mapiOrder(order({ device: 'mobile' }))).toMatchObject({ code: 1, payurl: expect.stringContaining('/sandbox/easypay/pay/') });
    await payEasypayTrade({ pid, outTradeNo: params.out_trade_no });
    expect(await mapiOrder(params)).toMatchObject({ code: -1, msg: expect.stringContaining('已支付') });
  });

  it('act=order reports the order in yuan with status 0 then 1, refuses a wrong key and names an unknown order', async () => {
    const params = order({ money: '12.34' });
    await mapiOrder(params);
    expect(await apiOrder(params.out_trade_no)).toMatchObject({ code: 1, pid, out_trade_no: params.out_trade_no, money: '12.34', refundmoney: '0.00', status: 0, endtime: '' });
    await payEasypayTrade({ pid, outTradeNo: params.out_trade_no });
    expect(await apiOrder(params.out_trade_no)).toMatchObject({ status: 1, endtime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) });
    expect(await apiOrder(params.out_trade_no, 'wrong-key')).toEqual({ code: -3, msg: 'KEY校验失败' });
    expect(await apiOrder('P-unknown')).toEqual({ code: -1, msg: '订单编号不存在' });
  });

  it('refunds only paid orders, with exact money, never past the order amount, even concurrently', async () => {
    const params = order({ money: '10.00' });
    await mapiOrder(params);
    expect(await refund(params.out_trade_no, '1.00')).toMatchObject({ code: -1, msg: expect.stringContaining('未支付') });
    await payEasypayTrade({ pid, outTradeNo: params.out_trade_no });
    expect(await refund(params.out_trade_no, '1.001')).toMatchObject({ code: -1 });
    const concurrent = await Promise.all([refund(params.out_trade_no, '6.00'), refund(params.out_trade_no, '6.00')]);
    expect(concurrent.map((answer) => answer.code).sort()).toEqual([-1, 1]);
    expect(await refund(params.out_trade_no, '4.01')).toMatchObject({ code: -1, msg: expect.stringContaining('4.00') });
    expect(await refund(params.out_trade_no, '4.00')).toEqual({ code: 1, msg: '退款成功' });
    expect(await apiOrder(params.out_trade_no)).toMatchObject({ money: '10.00', refundmoney: '10.00' });
  });

  it('calls back with a signed GET until the body is exactly success, on its schedule', async () => {
    const params = order({ money: '3.00' });
    await mapiOrder(params);
    const t0 = new Date();
    answers.push('fail', ' success', 'SUCCESS');
    const before = callbacks.length;
    await payEasypayTrade({ pid, outTradeNo: params.out_trade_no }, t0);
    const callback = callbacks.at(-1)!;
    expect(callback).toMatchObject({ pid, out_trade_no: params.out_trade_no, money: '3.00', trade_status: 'TRADE_SUCCESS', type: 'alipay', name: params.name, sign_type: 'MD5' });
    expect(verifyEasypaySign(callback, key)).toBe(true);

    const row = () => db().sandboxEasypayNotification.findFirstOrThrow({ where: { params: { path: ['out_trade_no'], equals: params.out_trade_no } } });
    expect(await row()).toMatchObject({ attempts: 1, deliveredAt: null, nextAttemptAt: new Date(t0.getTime() + EASYPAY_NOTIFY_RETRY_DELAYS_MS[0]) });
    // Not due yet: nothing is sent.
    await deliverDueEasypayNotifications({ now: new Date(t0.getTime() + EASYPAY_NOTIFY_RETRY_DELAYS_MS[0] - 1) });
    expect(callbacks.length).toBe(before + 1);
    // Two instances run the job at once: one of them sends.
    const at1 = new Date(t0.getTime() + EASYPAY_NOTIFY_RETRY_DELAYS_MS[0]);
    await Promise.all([deliverDueEasypayNotifications({ now: at1 }), deliverDueEasypayNotifications({ now: at1 })]);
    expect(callbacks.length).toBe(before + 2);
    const at2 = new Date(at1.getTime() + EASYPAY_NOTIFY_RETRY_DELAYS_MS[1]);
    await deliverDueEasypayNotifications({ now: at2 });
    expect(await row()).toMatchObject({ attempts: 3, deliveredAt: null });
    const at3 = new Date(at2.getTime() + EASYPAY_NOTIFY_RETRY_DELAYS_MS[2]);
    expect(await deliverDueEasypayNotifications({ now: at3 })).toMatchObject({ delivered: 1 });
    expect(await row()).toMatchObject({ attempts: 4, deliveredAt: at3, nextAttemptAt: null });
    expect(callbacks.length).toBe(before + 4);
  });

  it('gives up after six attempts', async () => {
    const params = order({ money: '0.50' });
    await mapiOrder(params);
    let now = new Date();
    answers.push(...Array.from({ length: 6 }, () => 'fail'));
    await payEasypayTrade({ pid, outTradeNo: params.out_trade_no }, now);
    for (const delay of EASYPAY_NOTIFY_RETRY_DELAYS_MS) {
      now = new Date(now.getTime() + delay);
      await deliverDueEasypayNotifications({ now });
    }
    expect(await db().sandboxEasypayNotification.findFirstOrThrow({ where: { params: { path: ['out_trade_no'], equals: params.out_trade_no } } })).toMatchObject({
      attempts: 6,
      deliveredAt: null,
      nextAttemptAt: null,
    });
    expect(answers).toEqual([]);
  });

  it('the simulated user follows the submit redirect and pays, or opens the code and gives up (nothing is sent)', async () => {
    const page = order({ money: '8.00' });
    const url = `${gateway()}/submit.php?${new URLSearchParams(signEasypayParams(page, key))}`;
    const base = { accountId: pid, gatewayBase: gateway() };
    await easypaySandboxPayer.pay({ ...base, serialNo: page.out_trade_no, action: { type: 'REDIRECT', url } });
    expect(callbacks.at(-1)).toMatchObject({ out_trade_no: page.out_trade_no, money: '8.00' });

    const api = order({ money: '9.00' });
    const answer = await mapiOrder(api);
    const before = callbacks.length;
    await easypaySandboxPayer.fail({ ...base, serialNo: api.out_trade_no, action: { type: 'QR_CODE', content: String(answer.qrcode) } });
    expect(await db().sandboxEasypayTrade.findUniqueOrThrow({ where: { tradeNo: String(answer.trade_no) } })).toMatchObject({ paidAt: null, cancelledAt: expect.any(Date) });
    expect(callbacks.length).toBe(before);
    expect(await apiOrder(api.out_trade_no)).toMatchObject({ status: 0 });
    // A paid order cannot fail.
    await expect(cancelEasypayTrade({ pid, outTradeNo: page.out_trade_no })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
