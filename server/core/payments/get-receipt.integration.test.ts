// The receipt a payer may look up again by serial number: only a paid payment has one, it carries only
// the fields meant for the payer, and a CASHIER checkout's receipt is that of the attempt that was paid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';
import { getReceipt } from './get-receipt';

let server: RunningServer;
let tenant: PaymentsTenant;

beforeAll(async () => {
  server = await startAppServer();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
});
afterAll(() => server?.close());

const choose = (serialNo: string) =>
  fetch(`${server.baseUrl}/checkout/${serialNo}/choose`, {
    method: 'POST',
    redirect: 'manual',
    // A phone: a channel without a page for phones pays by QR code on the checkout.
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.baseUrl, 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' },
    body: new URLSearchParams({ channel: 'ALIPAY' }).toString(),
  });

describe('getReceipt', () => {
  it('is the paid payment’s merchant, subject, amount, time and both numbers, and nothing else', async () => {
    const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { amount: 12_800, metadata: { room: '3-2-1201' } }));
    const { serialNo } = created.body.payment;
    expect(await getReceipt({ serialNo })).toBeNull();

    const paid = (await tenant.client.request('POST', `/api/v1/sandbox/payments/${serialNo}/pay`)).body.payment;
    expect(await getReceipt({ serialNo })).toEqual({
      serialNo,
      merchantName: '花园小区',
      subject: '物业费 2026-12',
      amount: 12_800,
      paidAt: new Date(paid.paidAt),
      channel: 'ALIPAY',
      channelTradeNo: paid.channelTradeNo,
      livemode: false,
    });
  });

  it('is null for an unknown or malformed serial number and for a payment that did not succeed', async () => {
    expect(await getReceipt({ serialNo: 'P20261207000000000AAAAAAAAAAAAA' })).toBeNull();
    expect(await getReceipt({ serialNo: "P1' OR 1=1" })).toBeNull();
    const { serialNo } = (await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant))).body.payment;
    await tenant.client.request('POST', `/api/v1/payments/${serialNo}/close`);
    expect(await getReceipt({ serialNo })).toBeNull();
  });

  it('of a CASHIER checkout whose payer chose again, is the receipt of the attempt that was paid', async () => {
    const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { paymentId: undefined, invokeMethod: 'CASHIER' }));
    const { serialNo, orderNo } = created.body.payment;
    await choose(serialNo);
    // The payer comes back and chooses again, now offered a QR code: a new attempt of the order.
    await db().paymentChannel.update({ where: { id: tenant.paymentId }, data: { invokeMethods: ['PC', 'QR'] } });
    let nextSerial: string;
    try {
      await db().order.updateMany({ where: { orderNo }, data: { lastAttemptAt: new Date(Date.now() - 16_000) } });
      await choose(serialNo);
      nextSerial = (await db().payment.findFirstOrThrow({ where: { order: { orderNo }, serialNo: { not: serialNo } } })).serialNo;
    } finally {
      await db().paymentChannel.update({ where: { id: tenant.paymentId }, data: { invokeMethods: ['PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR'] } });
    }
    expect(await getReceipt({ serialNo })).toBeNull();

    await tenant.client.request('POST', `/api/v1/sandbox/payments/${nextSerial}/pay`);
    expect(await getReceipt({ serialNo })).toMatchObject({ serialNo: nextSerial, amount: 1000, channel: 'ALIPAY' });
    expect(await getReceipt({ serialNo: nextSerial })).toEqual(await getReceipt({ serialNo }));
  });
});
