// The statements API over HTTP with the real routes: payments paid through the Alipay simulator and
// refunds made through the API move a day's totals exactly; pages cover every item once in (time, id)
// order; the CSV is the whole day with a BOM; Beijing midnight divides days; another app's money is absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerApp } from '@/server/backend/apps/register-app';
import { grantMerchant } from '@/server/backend/grants/grant-merchant';
import { db } from '@/server/db/client';
import { beijingDay } from '@/server/gateway/beijing-time';
import { appApiClient, type AppApiClient } from '@/server/testing/app-api-client';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';

let server: RunningServer;

beforeAll(async () => {
  server = await startAppServer();
});
afterAll(() => server?.close());

const statementPath = (merchantId: string, date: string, extra = '') => `/api/v1/statements?merchantId=${merchantId}&date=${date}${extra}`;

/** A payment of `amount` fen made by the client's app and paid at the simulated Alipay. */
async function paid(tenant: PaymentsTenant, amount: number, client: AppApiClient = tenant.client): Promise<{ serialNo: string; orderNo: string; paidAt: string; channelTradeNo: string }> {
  const created = await client.request('POST', '/api/v1/payments', paymentRequest(tenant, { amount }));
  expect(created.status).toBe(201);
  const answer = await client.request('POST', `/api/v1/sandbox/payments/${created.body.payment.serialNo}/pay`);
  expect(answer.body.payment.status).toBe('SUCCEEDED');
  return answer.body.payment;
}

async function refunded(tenant: PaymentsTenant, serialNo: string, amount: number): Promise<{ refundSerialNo: string; refundNo: string; succeededAt: string }> {
  const answer = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/refunds`, { refundNo: `RF-${Math.random().toString(36).slice(2, 12)}`, amount });
  expect(answer.status).toBe(201);
  expect(answer.body.refund.status).toBe('SUCCEEDED');
  return answer.body.refund;
}

async function totalsOf(tenant: PaymentsTenant, date: string) {
  const answer = await tenant.client.request('GET', statementPath(tenant.merchantId, date));
  expect(answer.status).toBe(200);
  return answer.body.totals;
}

/** Every item of a day, page by page, and the totals each page answered. */
async function allPages(tenant: PaymentsTenant, date: string, limit: number) {
  const items: Array<Record<string, unknown>> = [];
  const totals: unknown[] = [];
  let cursor: string | null = null;
  do {
    const answer = await tenant.client.request('GET', statementPath(tenant.merchantId, date, `&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`));
    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...answer.body.items);
    totals.push(answer.body.totals);
    cursor = answer.body.nextCursor;
  } while (cursor);
  return { items, totals };
}

/** The CSV answer as bytes (fetch's text() would drop the BOM) and its lines after the BOM. */
async function csvOf(tenant: PaymentsTenant, path: string): Promise<{ response: Response; bytes: Buffer; lines: string[] }> {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { accept: 'text/csv', ...tenant.client.signedHeaders('GET', path) } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, lines: bytes.subarray(3).toString('utf8').trimEnd().split('\r\n') };
}

const idOf = (item: Record<string, unknown>) => String(item.type === 'payment' ? item.serialNo : item.refundSerialNo);

describe('GET /api/v1/statements', () => {
  it('totals move exactly with each payment and refund of the day, and items carry the contract fields', async () => {
    const tenant = await paymentsTenant({ baseUrl: server.baseUrl });
    const first = await paid(tenant, 1000);
    const date = beijingDay(new Date(first.paidAt));
    expect(await totalsOf(tenant, date)).toEqual({ payments: { count: 1, amount: 1000 }, refunds: { count: 0, amount: 0 }, net: 1000 });

    const second = await paid(tenant, 2345);
    expect(await totalsOf(tenant, date)).toEqual({ payments: { count: 2, amount: 3345 }, refunds: { count: 0, amount: 0 }, net: 3345 });

    const refund = await refunded(tenant, first.serialNo, 300);
    expect(await totalsOf(tenant, date)).toEqual({ payments: { count: 2, amount: 3345 }, refunds: { count: 1, amount: 300 }, net: 3045 });
    await refunded(tenant, second.serialNo, 2345);
    expect(await totalsOf(tenant, date)).toEqual({ payments: { count: 2, amount: 3345 }, refunds: { count: 2, amount: 2645 }, net: 700 });

    // A payment still pending moves nothing.
    await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { amount: 999 }));
    const answer = await tenant.client.request('GET', statementPath(tenant.merchantId, date));
    expect(answer.body).toMatchObject({ merchantId: tenant.merchantId, date, currency: 'CNY', nextCursor: null, totals: { payments: { count: 2 } } });
    expect(answer.body.items).toHaveLength(4);
    expect(answer.body.items).toContainEqual({
      type: 'payment', serialNo: first.serialNo, orderNo: first.orderNo, channel: 'ALIPAY', channelTradeNo: first.channelTradeNo, amount: 1000, at: first.paidAt,
    });
    expect(answer.body.items).toContainEqual({
      type: 'refund', refundSerialNo: refund.refundSerialNo, refundNo: refund.refundNo, serialNo: first.serialNo, orderNo: first.orderNo, channel: 'ALIPAY', amount: 300, at: refund.succeededAt,
    });
  });

  it('pages cover every item exactly once in (time, id) order, ties included, with whole-day totals on every page; the CSV holds the same items', async () => {
    const tenant = await paymentsTenant({ baseUrl: server.baseUrl });
    const payments = [];
    for (let i = 0; i < 7; i += 1) payments.push(await paid(tenant, 100 + i));
    const refunds = [await refunded(tenant, payments[0]!.serialNo, 50), await refunded(tenant, payments[3]!.serialNo, 60), await refunded(tenant, payments[6]!.serialNo, 70)];
    // Three payments and a refund at the same millisecond: only the id orders them, across both tables.
    const date = beijingDay(new Date(payments[0]!.paidAt));
    const tie = new Date(payments[0]!.paidAt);
    await db().payment.updateMany({ where: { serialNo: { in: payments.slice(1, 4).map((p) => p.serialNo) } }, data: { paidAt: tie } });
    await db().refund.update({ where: { refundSerialNo: refunds[2]!.refundSerialNo }, data: { succeededAt: tie } });

    const { items, totals } = await allPages(tenant, date, 3);
    expect(items).toHaveLength(10);
    expect(new Set(items.map(idOf)).size).toBe(10);
    const sorted = [...items].sort((a, b) => String(a.at).localeCompare(String(b.at)) || (idOf(a) < idOf(b) ? -1 : 1));
    expect(items.map(idOf)).toEqual(sorted.map(idOf));
    const expectedTotals = { payments: { count: 7, amount: 721 }, refunds: { count: 3, amount: 180 }, net: 541 };
    expect(totals).toEqual([expectedTotals, expectedTotals, expectedTotals, expectedTotals]);
    expect((await allPages(tenant, date, 1000)).items).toEqual(items);

    const { response, bytes, lines } = await csvOf(tenant, statementPath(tenant.merchantId, date));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]).toBe('type,serialNo,orderNo,channel,channelTradeNo,refundSerialNo,refundNo,amount,at');
    const csvRow = (item: Record<string, unknown>) =>
      [item.type, item.serialNo, item.orderNo, item.channel, item.channelTradeNo ?? '', item.refundSerialNo ?? '', item.refundNo ?? '', item.amount, item.at].join(',');
    expect(lines.slice(1)).toEqual(items.map(csvRow));
    // A cursor resumes a broken download after its item.
    const firstPage = await tenant.client.request('GET', statementPath(tenant.merchantId, date, '&limit=4'));
    const resumed = await csvOf(tenant, statementPath(tenant.merchantId, date, `&cursor=${firstPage.body.nextCursor}`));
    expect(resumed.lines.slice(1)).toEqual(items.slice(4).map(csvRow));
  });

  it('streams a day larger than one read batch as CSV, every item once', async () => {
    const tenant = await paymentsTenant({ baseUrl: server.baseUrl });
    const template = await paid(tenant, 100);
    const date = beijingDay(new Date(template.paidAt));
    const row = await db().payment.findUniqueOrThrow({ where: { serialNo: template.serialNo } });
    // Paid attempts of the same order written directly (the simulator would take minutes for this many): 2,500 rows, 3 batches.
    const { orderId, appId, merchantId, companyId, paymentChannelId, channel, invokeMethod, executionMethod, subject, livemode, requestHash, expiresAt, paidAt } = row;
    await db().payment.createMany({
      data: Array.from({ length: 2499 }, (_, i) => ({
        ...{ orderId, appId, merchantId, companyId, paymentChannelId, channel, invokeMethod, executionMethod, subject, livemode, requestHash, expiresAt, paidAt },
        serialNo: `${row.serialNo.slice(0, 18)}${String(i).padStart(13, '0')}`,
        status: 'SUCCEEDED' as const,
        amount: 100,
        metadata: {},
        channelTradeNo: `T${i}`,
      })),
    });
    const { response, lines } = await csvOf(tenant, statementPath(tenant.merchantId, date));
    expect(response.status).toBe(200);
    expect(lines).toHaveLength(2501);
    expect(new Set(lines.slice(1).map((line) => line.split(',')[1])).size).toBe(2500);
    expect((await totalsOf(tenant, date)).payments).toEqual({ count: 2500, amount: 250_000 });
  });

  it('counts a payment on the Beijing day it succeeded: 23:59:59.999 is one day, midnight the next', async () => {
    const tenant = await paymentsTenant({ baseUrl: server.baseUrl });
    const late = await paid(tenant, 500);
    const early = await paid(tenant, 700);
    const refund = await refunded(tenant, late.serialNo, 100);
    // 2026-11-30 23:59:59.999 and 2026-12-01 00:00:00.000 in Asia/Shanghai.
    await db().payment.update({ where: { serialNo: late.serialNo }, data: { paidAt: new Date('2026-11-30T15:59:59.999Z') } });
    await db().payment.update({ where: { serialNo: early.serialNo }, data: { paidAt: new Date('2026-11-30T16:00:00.000Z') } });
    await db().refund.update({ where: { refundSerialNo: refund.refundSerialNo }, data: { succeededAt: new Date('2026-11-30T16:00:00.000Z') } });

    const november = await tenant.client.request('GET', statementPath(tenant.merchantId, '2026-11-30'));
    expect(november.body.items.map(idOf)).toEqual([late.serialNo]);
    expect(november.body.items[0].at).toBe('2026-11-30T15:59:59.999Z');
    expect(november.body.totals).toEqual({ payments: { count: 1, amount: 500 }, refunds: { count: 0, amount: 0 }, net: 500 });
    const december = await tenant.client.request('GET', statementPath(tenant.merchantId, '2026-12-01'));
    expect(december.body.items.map(idOf).sort()).toEqual([early.serialNo, refund.refundSerialNo].sort());
    expect(december.body.totals).toEqual({ payments: { count: 1, amount: 700 }, refunds: { count: 1, amount: 100 }, net: 600 });
  });

  it('holds only the asking app’s money: another app on the same merchant is absent, another company’s merchant is 403', async () => {
    const tenant = await paymentsTenant({ baseUrl: server.baseUrl });
    const { app: otherApp, secret } = await registerApp({
      actor: tenant.admin,
      input: { name: `采购 ${Math.random().toString(36).slice(2, 8)}`, description: null, defaultNotifyUrl: null, ipAllowlist: [] },
    });
    await grantMerchant({ actor: tenant.companyAdmin, input: { appId: otherApp.id, merchantId: tenant.merchantId } });
    const otherClient = appApiClient({ baseUrl: server.baseUrl, appId: otherApp.id, secret });
    const theirs = await paid(tenant, 4000, otherClient);
    const ours = await paid(tenant, 1000);
    const date = beijingDay(new Date(ours.paidAt));

    const answer = await tenant.client.request('GET', statementPath(tenant.merchantId, date));
    expect(answer.body.items.map(idOf)).toEqual([ours.serialNo]);
    expect(answer.body.totals.payments).toEqual({ count: 1, amount: 1000 });
    const csv = await csvOf(tenant, statementPath(tenant.merchantId, date));
    expect(csv.lines).toHaveLength(2);
    expect(csv.bytes.toString('utf8')).not.toContain(theirs.serialNo);

    const otherCompany = await paymentsTenant({ baseUrl: server.baseUrl });
    await paid(otherCompany, 800);
    for (const accept of ['application/json', 'text/csv']) {
      const refused = await tenant.client.request('GET', statementPath(otherCompany.merchantId, date), undefined, { headers: { accept } });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({ error: { code: 'MERCHANT_NOT_GRANTED', message: 'The app is not granted this merchant.' } });
    }
  });
});
