// For integration tests of the payments API: a tenant with a sandbox Alipay channel (every invoke
// method), an app granted its merchant, the whole app served over HTTP on this file's base URL,
// and the simulated Alipay's genuinely signed notifications on demand.
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { registerApp } from '@/server/backend/apps/register-app';
import { grantMerchant } from '@/server/backend/grants/grant-merchant';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import type { Actor } from '@/server/backend/audit/record-audit';
import { db } from '@/server/db/client';
import type { App } from '@/server/db/generated/client';
import { newId } from '@/server/lib/ids';
import type { CreatePaymentRequest } from '@paycenter/node';
import { toBeijingTime } from '@/server/gateway/beijing-time';
import { signedParams } from '@/server/sandbox/alipay/simulator-signature';
import { tradeNotifyParams } from '@/server/sandbox/alipay/trade-notification';
import { newBuyerId } from '@/server/sandbox/alipay/trade-ids';
import { appApiClient, type AppApiClient } from './app-api-client';
import { makeCompany, makeUser, platformAdmin } from './fixtures';

export interface PaymentsTenant {
  admin: Actor;
  companyAdmin: Actor;
  companyId: string;
  merchantId: string;
  paymentId: string;
  alipayAppId: string;
  app: App;
  client: AppApiClient;
}

export async function paymentsTenant(options: { baseUrl: string }): Promise<PaymentsTenant> {
  const admin = await platformAdmin();
  const companyId = (await makeCompany(admin)).id;
  const companyAdmin = await makeUser('COMPANY_ADMIN', companyId);
  const merchant = await createMerchant({ actor: companyAdmin, input: { name: '花园小区', description: null } });
  const channel = await activateChannel({
    actor: companyAdmin,
    input: { merchantId: merchant.id, channel: 'ALIPAY', mode: 'SANDBOX', invokeMethods: ['PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR'] },
  });
  const account = await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: channel.paymentId } });
  const { app, secret } = await registerApp({
    actor: admin,
    input: { name: `缴费 ${newId('app').slice(4, 10)}`, description: null, defaultNotifyUrl: null, ipAllowlist: [] },
  });
  await grantMerchant({ actor: companyAdmin, input: { appId: app.id, merchantId: merchant.id } });
  return {
    admin,
    companyAdmin,
    companyId,
    merchantId: merchant.id,
    paymentId: channel.paymentId,
    alipayAppId: account.accountId,
    app,
    client: appApiClient({ baseUrl: options.baseUrl, appId: app.id, secret }),
  };
}

/** A valid initiation body; override any field (typed for the client package while the overrides are valid). */
export function paymentRequest(tenant: Pick<PaymentsTenant, 'merchantId' | 'paymentId'>, overrides?: Partial<CreatePaymentRequest>): CreatePaymentRequest;
export function paymentRequest(tenant: Pick<PaymentsTenant, 'merchantId' | 'paymentId'>, overrides: Record<string, unknown>): Record<string, unknown>;
export function paymentRequest(tenant: Pick<PaymentsTenant, 'merchantId' | 'paymentId'>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    merchantId: tenant.merchantId,
    paymentId: tenant.paymentId,
    orderNo: `ORDER-${newId('ord').slice(4, 16)}`,
    amount: 1000,
    currency: 'CNY',
    subject: '物业费 2026-12',
    invokeMethod: 'PC',
    ...overrides,
  };
}

/**
 * The buyer pays at the simulated Alipay without the notify being sent, and the body of the
 * trade_status_sync notify Alipay would send, signed by the simulator's key. `signedOverrides` are
 * applied before signing (a genuine notify with other values); tamper with the result to forge one.
 */
export async function paidTradeNotify(options: { alipayAppId: string; serialNo: string; signedOverrides?: Record<string, string> }): Promise<string> {
  const now = new Date();
  const where = { appId_outTradeNo: { appId: options.alipayAppId, outTradeNo: options.serialNo } };
  const trade = await db().sandboxAlipayTrade.update({ where, data: { status: 'TRADE_SUCCESS', paidAt: now, seenAt: now, buyerId: newBuyerId() } });
  const params = await signedParams({ ...tradeNotifyParams(trade), notify_id: `${Date.now()}${newId('ntf').slice(4, 12)}`, notify_time: toBeijingTime(now), ...options.signedOverrides });
  return new URLSearchParams(params).toString();
}

export function postNotify(baseUrl: string, paymentId: string, body: string): Promise<Response> {
  return fetch(`${baseUrl}/api/channels/alipay/notify/${paymentId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
}
