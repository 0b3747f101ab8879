// Orders and attempts as the transaction core leaves them, for tests of the read side. The
// merchant, channel, app and grant are made through the real services.
import { db } from '@/server/db/client';
import type { PaymentStatus } from '@/server/db/generated/client';
import { newId } from '@/server/lib/ids';
import type { Actor } from '@/server/backend/audit/record-audit';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { registerApp } from '@/server/backend/apps/register-app';
import { grantMerchant } from '@/server/backend/grants/grant-merchant';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { newSerialNo } from '@/server/core/serial-numbers';

export interface Shop {
  companyId: string;
  merchantId: string;
  paymentChannelId: string;
  appId: string;
}

/** A merchant of the company admin's company with a sandbox Alipay channel, granted to a new app. */
export async function makeShop(platformAdmin: Actor, companyAdmin: Actor & { companyId: string }, name = '翠湖小区'): Promise<Shop> {
  const merchant = await createMerchant({ actor: companyAdmin, input: { name, description: null } });
  const channel = await activateChannel({ actor: companyAdmin, input: { merchantId: merchant.id, channel: 'ALIPAY', mode: 'SANDBOX', invokeMethods: ['PC', 'QR'] } });
  const app = await registerApp({ actor: platformAdmin, input: { name: `${name} 缴费`, description: null, defaultNotifyUrl: null, ipAllowlist: [] } });
  await grantMerchant({ actor: companyAdmin, input: { appId: app.app.id, merchantId: merchant.id } });
  return { companyId: companyAdmin.companyId, merchantId: merchant.id, paymentChannelId: channel.paymentId, appId: app.app.id };
}

export interface PaymentRow {
  orderNo?: string;
  amount?: number;
  status?: PaymentStatus;
  channelTradeNo?: string | null;
  createdAt?: Date;
  expiresAt?: Date;
  refundReservedAmount?: number;
  refundedAmount?: number;
}

function timesOf(row: PaymentRow) {
  const createdAt = row.createdAt ?? new Date();
  const status = row.status ?? 'PENDING';
  return { createdAt, status, amount: row.amount ?? 1234, paidAt: status === 'SUCCEEDED' ? new Date(createdAt.getTime() + 60_000) : null };
}

/** One order with one attempt; a SUCCEEDED attempt is paid a minute after it was created. */
export async function insertPayment(shop: Shop, row: PaymentRow = {}) {
  const { createdAt, status, amount } = timesOf(row);
  const serialNo = newSerialNo('P', createdAt);
  const order = await db().order.create({
    data: {
      id: newId('ord'),
      appId: shop.appId,
      merchantId: shop.merchantId,
      companyId: shop.companyId,
      orderNo: row.orderNo ?? `ORD-${newId('ord').slice(4)}`,
      amount,
      subject: '物业费 2026-12',
      status: status === 'SUCCEEDED' ? 'PAID' : status === 'CLOSED' ? 'CLOSED' : 'OPEN',
      paidSerialNo: status === 'SUCCEEDED' ? serialNo : null,
      lastAttemptAt: createdAt,
      createdAt,
    },
  });
  const payment = await insertAttempt(shop, order.id, row, serialNo);
  return { order, payment };
}

/** Another attempt of an existing order. */
export async function insertAttempt(shop: Shop, orderId: string, row: PaymentRow = {}, serialNo?: string) {
  const { createdAt, status, amount, paidAt } = timesOf(row);
  return db().payment.create({
    data: {
      serialNo: serialNo ?? newSerialNo('P', createdAt),
      orderId,
      appId: shop.appId,
      merchantId: shop.merchantId,
      companyId: shop.companyId,
      paymentChannelId: shop.paymentChannelId,
      channel: 'ALIPAY',
      invokeMethod: 'PC',
      executionMethod: 'alipay.trade.page.pay',
      amount,
      subject: '物业费 2026-12',
      status,
      channelTradeNo: row.channelTradeNo === undefined ? (paidAt ? `2026${newId('ord').slice(4)}` : null) : row.channelTradeNo,
      refundedAmount: row.refundedAmount ?? 0,
      refundReservedAmount: row.refundReservedAmount ?? 0,
      livemode: false,
      metadata: {},
      requestHash: newId('ord'),
      expiresAt: row.expiresAt ?? new Date(createdAt.getTime() + 30 * 60_000),
      paidAt,
      closedAt: status === 'CLOSED' ? new Date(createdAt.getTime() + 30 * 60_000) : null,
      createdAt,
    },
  });
}
