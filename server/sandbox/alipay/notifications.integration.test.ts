// Paying through the simulator: the signed async notify, Alipay's retry schedule, the signed return, and
// the failure helper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { parseFormParams } from '@/server/gateway/form-params';
import { verifyAlipayNotify } from '@/server/gateway/channels/alipay/notify-signature';
import { deliverDueAlipayNotifications } from './deliver-notifications';
import { failAlipayTrade } from './fail-trade';
import { payAlipayTrade } from './pay-trade';
import { startAlipaySandbox, type AlipaySandboxHarness } from './testing/alipay-sandbox-harness';

let sandbox: AlipaySandboxHarness;
beforeAll(async () => {
  sandbox = await startAlipaySandbox();
});
afterAll(async () => sandbox.server.close());

const MINUTE = 60_000;
let serial = 0;
const nextOutTradeNo = () => `N${Date.now()}${serial++}`;

async function precreate(outTradeNo: string, totalAmount = '10.00') {
  const result = await sandbox.sdk.exec('alipay.trade.precreate', { bizContent: { outTradeNo, totalAmount, subject: '物业费 A+B' }, notifyUrl: sandbox.notifyUrl }, { validateSign: true });
  expect(result.code).toBe('10000');
}

describe('payment notify', () => {
  it('delivers a TRADE_SUCCESS notify whose signature verifies with the simulator key (ours and the SDK)', async () => {
    const outTradeNo = nextOutTradeNo();
    await precreate(outTradeNo);
    const received = sandbox.notifies.length;
    const { trade } = await payAlipayTrade({ appId: sandbox.appId, outTradeNo });
    const notify = sandbox.notifies[received]!;
    expect(notify).toMatchObject({
      notify_type: 'trade_status_sync', app_id: sandbox.appId, out_trade_no: outTradeNo, trade_no: trade.tradeNo, trade_status: 'TRADE_SUCCESS',
      total_amount: '10.00', receipt_amount: '10.00', subject: '物业费 A+B', charset: 'utf-8', version: '1.0', sign_type: 'RSA2',
    });
    expect(notify.buyer_id).toMatch(/^2088\d{12}$/);
    expect(notify.gmt_payment).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(verifyAlipayNotify(notify, [sandbox.simulatorKey])).toMatchObject({ ok: true, signTypeIncluded: false });
    expect(sandbox.sdk.checkNotifySignV2(notify)).toBe(true);
    expect(verifyAlipayNotify({ ...notify, total_amount: '0.01' }, [sandbox.simulatorKey]).ok).toBe(false);

    const queried = await sandbox.sdk.exec('alipay.trade.query', { bizContent: { outTradeNo } }, { validateSign: true });
    expect(queried).toMatchObject({ tradeStatus: 'TRADE_SUCCESS', buyerUserId: notify.buyer_id, sendPayDate: notify.gmt_payment });
  });

  it('paying twice sends one notify', async () => {
    const outTradeNo = nextOutTradeNo();
    await precreate(outTradeNo);
    const received = sandbox.notifies.length;
    await payAlipayTrade({ appId: sandbox.appId, outTradeNo });
    await payAlipayTrade({ appId: sandbox.appId, outTradeNo });
    expect(sandbox.notifies.length).toBe(received + 1);
  });

  it('retries a notify not answered "success" on Alipay\'s schedule (4m, then 10m)', async () => {
    const outTradeNo = nextOutTradeNo();
    await precreate(outTradeNo);
    const paidAt = new Date();
    sandbox.notifyAnswers.push('fail', 'SUCCESS');
    const received = sandbox.notifies.length;
    const { trade } = await payAlipayTrade({ appId: sandbox.appId, outTradeNo }, paidAt);
    const row = await db().sandboxAlipayNotification.findFirstOrThrow({ where: { tradeNo: trade.tradeNo } });
    expect(row).toMatchObject({ attempts: 1, deliveredAt: null, nextAttemptAt: new Date(paidAt.getTime() + 4 * MINUTE) });

    expect(await deliverDueAlipayNotifications({ now: new Date(paidAt.getTime() + 3 * MINUTE) })).toEqual({ attempted: 0, delivered: 0 });
    // "SUCCESS" is not the literal body "success": still a failure.
    expect(await deliverDueAlipayNotifications({ now: new Date(paidAt.getTime() + 4 * MINUTE) })).toEqual({ attempted: 1, delivered: 0 });
    const second = await db().sandboxAlipayNotification.findUniqueOrThrow({ where: { id: row.id } });
    expect(second.nextAttemptAt).toEqual(new Date(paidAt.getTime() + 14 * MINUTE));
    expect(await deliverDueAlipayNotifications({ now: new Date(paidAt.getTime() + 14 * MINUTE) })).toEqual({ attempted: 1, delivered: 1 });
    expect(await db().sandboxAlipayNotification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ attempts: 3, nextAttemptAt: null });

    const attempts = sandbox.notifies.slice(received);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((n) => n.notify_id)).size).toBe(1);
    for (const attempt of attempts) expect(verifyAlipayNotify(attempt, [sandbox.simulatorKey]).ok).toBe(true);
  });

  it('a full refund closes the trade and notifies TRADE_CLOSED with refund_fee; a partial one does not notify', async () => {
    const outTradeNo = nextOutTradeNo();
    await precreate(outTradeNo, '2.00');
    await payAlipayTrade({ appId: sandbox.appId, outTradeNo });
    const received = sandbox.notifies.length;
    await sandbox.sdk.exec('alipay.trade.refund', { bizContent: { outTradeNo, refundAmount: '0.50', outRequestNo: 'P1' } });
    expect(sandbox.notifies.length).toBe(received);
    await sandbox.sdk.exec('alipay.trade.refund', { bizContent: { outTradeNo, refundAmount: '1.50', outRequestNo: 'P2' } });
    const notify = sandbox.notifies[received]!;
    expect(notify).toMatchObject({ trade_status: 'TRADE_CLOSED', refund_fee: '2.00', out_biz_no: 'P2' });
    expect(verifyAlipayNotify(notify, [sandbox.simulatorKey]).ok).toBe(true);
  });
});

describe('synchronous return', () => {
  it('a paid page.pay trade returns to return_url with parameters signed by the simulator', async () => {
    const outTradeNo = nextOutTradeNo();
    const url = sandbox.sdk.pageExec('alipay.trade.page.pay', 'GET', {
      bizContent: { outTradeNo, totalAmount: '0.01', subject: 'a', productCode: 'FAST_INSTANT_TRADE_PAY' },
      returnUrl: 'https://merchant.example/return?from=alipay',
    });
    await fetch(url, { redirect: 'manual' });
    const { returnUrl } = await payAlipayTrade({ appId: sandbox.appId, outTradeNo });
    const back = new URL(returnUrl ?? '');
    expect(back.origin + back.pathname).toBe('https://merchant.example/return');
    const params = parseFormParams(back.search.slice(1));
    expect(params).toMatchObject({ method: 'alipay.trade.page.pay.return', out_trade_no: outTradeNo, total_amount: '0.01', from: 'alipay' });
    const { from: _merchantOwn, ...alipayParams } = params;
    expect(verifyAlipayNotify(alipayParams, [sandbox.simulatorKey]).ok).toBe(true);
  });
});

describe('failAlipayTrade', () => {
  it('closes the waiting trade as its timeout would, notifies TRADE_CLOSED, and cannot be paid afterwards', async () => {
    const outTradeNo = nextOutTradeNo();
    await precreate(outTradeNo);
    const received = sandbox.notifies.length;
    expect(await failAlipayTrade({ appId: sandbox.appId, outTradeNo })).toMatchObject({ status: 'TRADE_CLOSED' });
    expect(sandbox.notifies[received]).toMatchObject({ trade_status: 'TRADE_CLOSED', out_trade_no: outTradeNo });
    await expect(payAlipayTrade({ appId: sandbox.appId, outTradeNo })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await sandbox.sdk.exec('alipay.trade.query', { bizContent: { outTradeNo } })).toMatchObject({ tradeStatus: 'TRADE_CLOSED' });
  });
});
