import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as alipayGateway } from '@/app/sandbox/alipay/gateway.do/route';
import { testEngine } from '@/inngest/testing';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { makeShop, type Shop } from '@/server/backend/payments/testing/payment-rows';
import { initiatePayment } from '@/server/core/payments/initiate-payment';
import { newSerialNo } from '@/server/core/serial-numbers';
import { db } from '@/server/db/client';
import { newId } from '@/server/lib/ids';
import { openAlipayCashier, payAlipayTrade } from '@/server/sandbox/alipay';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { serveWebHandler, type RunningServer } from '@/server/testing/node-http-bridge';
import { scheduledJobFunctions } from './scheduled-jobs';

const queryDuePaymentsJob = scheduledJobFunctions['payments-query-due']!;
const expireDuePaymentsJob = scheduledJobFunctions['payments-expire-due']!;
const queryDueRefundsJob = scheduledJobFunctions['refunds-query-due']!;

// The real services against the Alipay simulator, served where PAYCENTER_BASE_URL points. The center's
// own notify route is not served, so a payment made at the simulator reaches the center only through
// the active query — the case the sweep exists for.
let simulator: RunningServer;
let shop: Shop;
let alipayAppId: string;
const tick = () => ({ events: [{ name: 'inngest/scheduled.timer', data: {} }] as [{ name: string; data: object }] });

beforeAll(async () => {
  const port = Number(new URL(process.env.PAYCENTER_BASE_URL!).port);
  simulator = await serveWebHandler(
    async (request) => (new URL(request.url).pathname === '/sandbox/alipay/gateway.do' ? alipayGateway(request) : new Response('Not Found', { status: 404 })),
    { port },
  );
  const admin = await platformAdmin();
  const company = await makeCompany(admin);
  shop = await makeShop(admin, { ...(await makeUser('COMPANY_ADMIN', company.id)), companyId: company.id });
  const { credentials } = await loadChannelAccount(shop.paymentChannelId);
  alipayAppId = (credentials as { appId: string }).appId;
});
afterAll(() => simulator?.close());

/** A QR attempt really created at the simulator (precreate makes the trade at once). */
async function qrAttempt() {
  const { payment } = await initiatePayment({
    app: { id: shop.appId },
    input: { merchantId: shop.merchantId, paymentId: shop.paymentChannelId, orderNo: `ORD-${newId('ord').slice(4)}`, amount: 1000, currency: 'CNY', subject: '物业费 2026-12', invokeMethod: 'QR', expiresInSeconds: 900 },
  });
  return payment.serialNo;
}

describe('payment sweeps on the Inngest cron', () => {
  it('the query job finds a payment whose callback never arrived and marks it SUCCEEDED', async () => {
    const serialNo = await qrAttempt();
    await payAlipayTrade({ appId: alipayAppId, outTradeNo: serialNo });
    await db().payment.update({ where: { serialNo }, data: { nextQueryAt: new Date(Date.now() - 1000) } });

    const { result } = await testEngine(queryDuePaymentsJob).engine.execute(tick());
    expect(result).toEqual({ queried: 1, failed: 0 });
    const payment = await db().payment.findUniqueOrThrow({ where: { serialNo }, include: { order: true } });
    expect(payment).toMatchObject({ status: 'SUCCEEDED', nextQueryAt: null, order: { status: 'PAID', paidSerialNo: serialNo } });
    expect(payment.channelTradeNo).toMatch(/^\d+$/);
    expect(await db().outboxEvent.count({ where: { serialNo, type: 'payment.succeeded' } })).toBe(1);
  });

  it('the expiry job closes an expired attempt at the simulator and locally, and tells the app', async () => {
    const serialNo = await qrAttempt();
    // The user scanned the code and left: from then on Alipay knows the trade and it must be closed there.
    const trade = await db().sandboxAlipayTrade.findUniqueOrThrow({ where: { appId_outTradeNo: { appId: alipayAppId, outTradeNo: serialNo } } });
    await openAlipayCashier(trade.tradeNo);
    await db().payment.update({ where: { serialNo }, data: { expiresAt: new Date(Date.now() - 1000), nextQueryAt: null } });

    const { result } = await testEngine(expireDuePaymentsJob).engine.execute(tick());
    expect(result).toEqual({ closed: 1, failed: 0 });
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ status: 'CLOSED' });
    expect(await db().sandboxAlipayTrade.findUniqueOrThrow({ where: { tradeNo: trade.tradeNo } })).toMatchObject({ status: 'TRADE_CLOSED' });
    expect(await db().outboxEvent.count({ where: { serialNo, type: 'payment.closed' } })).toBe(1);
    // The user can no longer pay it at the channel.
    await expect(payAlipayTrade({ appId: alipayAppId, outTradeNo: serialNo })).rejects.toThrow(/TRADE_CLOSED/);
  });

  it('the refund query job settles a refund left PROCESSING', async () => {
    const serialNo = await qrAttempt();
    await payAlipayTrade({ appId: alipayAppId, outTradeNo: serialNo });
    await db().payment.update({ where: { serialNo }, data: { nextQueryAt: new Date(Date.now() - 1000) } });
    await testEngine(queryDuePaymentsJob).engine.execute(tick());
    // A refund whose answer was lost: recorded and reserved, never confirmed.
    const refundSerialNo = newSerialNo('R');
    await db().payment.update({ where: { serialNo }, data: { refundReservedAmount: 300 } });
    await db().refund.create({
      data: { refundSerialNo, refundNo: 'RF-1', serialNo, appId: shop.appId, merchantId: shop.merchantId, companyId: shop.companyId, amount: 300, initiator: 'APP', nextQueryAt: new Date(Date.now() - 1000) },
    });

    const { result } = await testEngine(queryDueRefundsJob).engine.execute(tick());
    expect(result).toEqual({ queried: 1, failed: 0 });
    expect(await db().refund.findUniqueOrThrow({ where: { refundSerialNo } })).toMatchObject({ status: 'SUCCEEDED', nextQueryAt: null });
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ refundedAmount: 300, refundReservedAmount: 300 });
  });
});
