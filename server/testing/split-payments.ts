// For integration tests of split payments: on top of the payments tenant (its Alipay channel), a sandbox
// WeChat Pay channel with splitting enabled and two receivers bound at the simulator, splitting on the
// tenant's Alipay channel likewise, and payments made through the API and paid at the simulators.
import { expect } from 'vitest';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { registerSplitReceiver } from '@/server/backend/splits/split-receivers';
import { updateSplitSettings } from '@/server/backend/splits/update-split-settings';
import { paymentRequest, paymentsTenant, type PaymentsTenant } from './payments-api';

export interface SplitTenant extends PaymentsTenant {
  wechatPaymentId: string;
  /** A merchant receiver, then a personal one. */
  receiverIds: [string, string];
}

/** A sandbox WeChat Pay channel of the tenant's merchant, splitting enabled or not. */
export async function wechatChannel(tenant: PaymentsTenant, options: { splitEnabled: boolean }): Promise<string> {
  const channel = await activateChannel({ actor: tenant.companyAdmin, input: { merchantId: tenant.merchantId, channel: 'WECHATPAY', mode: 'SANDBOX', invokeMethods: ['QR'] } });
  if (options.splitEnabled) await updateSplitSettings({ actor: tenant.companyAdmin, input: { paymentId: channel.paymentId, splitEnabled: true } });
  return channel.paymentId;
}

export async function splitTenant(options: { baseUrl: string }): Promise<SplitTenant> {
  const tenant = await paymentsTenant(options);
  const wechatPaymentId = await wechatChannel(tenant, { splitEnabled: true });
  const merchant = await registerSplitReceiver({
    actor: tenant.companyAdmin,
    input: { paymentId: wechatPaymentId, accountType: 'MERCHANT_ID', account: '1900000109', name: '花园保洁服务有限公司', relationType: 'SUPPLIER' },
  });
  const person = await registerSplitReceiver({
    actor: tenant.companyAdmin,
    input: { paymentId: wechatPaymentId, accountType: 'PERSONAL_OPENID', account: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', name: '张三', relationType: 'PARTNER' },
  });
  return { ...tenant, wechatPaymentId, receiverIds: [merchant.id, person.id] };
}

/** Splitting on the tenant's own Alipay channel, with two receivers bound at the simulator: a user id, then a logon name. */
export async function alipaySplitReceivers(tenant: PaymentsTenant): Promise<[string, string]> {
  await updateSplitSettings({ actor: tenant.companyAdmin, input: { paymentId: tenant.paymentId, splitEnabled: true } });
  const userId = await registerSplitReceiver({
    actor: tenant.companyAdmin,
    input: { paymentId: tenant.paymentId, accountType: 'ALIPAY_USER_ID', account: '2088102146225135', name: '花园保洁服务有限公司', relationType: 'SUPPLIER' },
  });
  const logonId = await registerSplitReceiver({
    actor: tenant.companyAdmin,
    input: { paymentId: tenant.paymentId, accountType: 'ALIPAY_LOGON_ID', account: 'repair@garden.example', name: '李四', relationType: 'PARTNER' },
  });
  return [userId.id, logonId.id];
}

interface PaidPaymentOptions {
  amount: number;
  profitSharing?: boolean;
  notifyUrl?: string;
}

/** A QR payment on one payment ID made through the API (with profitSharing unless false) and paid at the simulator. */
async function paidQrPayment(tenant: PaymentsTenant, paymentId: string, options: PaidPaymentOptions): Promise<{ serialNo: string }> {
  const created = await tenant.client.request(
    'POST',
    '/api/v1/payments',
    paymentRequest(tenant, {
      paymentId,
      invokeMethod: 'QR',
      amount: options.amount,
      ...(options.notifyUrl ? { notifyUrl: options.notifyUrl } : {}),
      ...(options.profitSharing === false ? {} : { profitSharing: true }),
    }),
  );
  expect(created.status).toBe(201);
  const paid = await tenant.client.request('POST', `/api/v1/sandbox/payments/${created.body.payment.serialNo}/pay`);
  expect(paid.body.payment.status).toBe('SUCCEEDED');
  return { serialNo: created.body.payment.serialNo };
}

/** A WeChat Pay NATIVE payment made through the API (with profitSharing unless false) and paid at the simulator. */
export function paidWechatPayment(tenant: SplitTenant, options: PaidPaymentOptions): Promise<{ serialNo: string }> {
  return paidQrPayment(tenant, tenant.wechatPaymentId, options);
}

/** An Alipay QR (precreate) payment on the tenant's Alipay channel, made and paid likewise. */
export function paidAlipayPayment(tenant: PaymentsTenant, options: PaidPaymentOptions): Promise<{ serialNo: string }> {
  return paidQrPayment(tenant, tenant.paymentId, options);
}
