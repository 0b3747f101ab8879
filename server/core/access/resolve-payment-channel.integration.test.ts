import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/server/errors/app-error';
import { registerApp } from '@/server/backend/apps/register-app';
import type { Actor } from '@/server/backend/audit/record-audit';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { updateChannelSettings } from '@/server/backend/channels/update-channel-settings';
import { setCompanyStatus } from '@/server/backend/companies/set-company-status';
import { grantMerchant, revokeGrant } from '@/server/backend/grants/grant-merchant';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { setMerchantStatus } from '@/server/backend/merchants/set-merchant-status';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { resolvePaymentChannel } from './resolve-payment-channel';

let admin: Actor;
let companyAdmin: Actor;
let companyId: string;
let appId: string;
let merchantId: string;
let paymentId: string;

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : 'other'));
const resolve = (overrides: { merchantId?: string; paymentId?: string; appId?: string } = {}) =>
  codeOf(resolvePaymentChannel({ app: { id: overrides.appId ?? appId }, merchantId: overrides.merchantId ?? merchantId, paymentId: overrides.paymentId ?? paymentId }));

beforeAll(async () => {
  admin = await platformAdmin();
  companyId = (await makeCompany(admin)).id;
  companyAdmin = await makeUser('COMPANY_ADMIN', companyId);
  merchantId = (await createMerchant({ actor: companyAdmin, input: { name: '湖景苑', description: null } })).id;
  paymentId = (await activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'ALIPAY', mode: 'SANDBOX', invokeMethods: ['QR'] } })).paymentId;
  appId = (await registerApp({ actor: admin, input: { name: '缴费', description: null, defaultNotifyUrl: null, ipAllowlist: [] } })).app.id;
  await grantMerchant({ actor: companyAdmin, input: { appId, merchantId } });
});

describe('resolving the merchant ID and payment ID of a payment request', () => {
  it('resolves a granted, active merchant and channel', async () => {
    expect(await resolve()).toBe('ok');
  });

  it('refuses a suspended company with MERCHANT_DISABLED, and takes payments again once reactivated', async () => {
    await setCompanyStatus({ actor: admin, input: { companyId, status: 'SUSPENDED' } });
    expect(await resolve()).toBe('MERCHANT_DISABLED');
    await setCompanyStatus({ actor: admin, input: { companyId, status: 'ACTIVE' } });
    expect(await resolve()).toBe('ok');
  });

  it('refuses a disabled merchant and a disabled channel', async () => {
    await setMerchantStatus({ actor: companyAdmin, input: { merchantId, status: 'DISABLED' } });
    expect(await resolve()).toBe('MERCHANT_DISABLED');
    await setMerchantStatus({ actor: companyAdmin, input: { merchantId, status: 'ACTIVE' } });
    await updateChannelSettings({ actor: companyAdmin, input: { paymentId, status: 'DISABLED' } });
    expect(await resolve()).toBe('METHOD_NOT_SUPPORTED');
    await updateChannelSettings({ actor: companyAdmin, input: { paymentId, status: 'ENABLED' } });
  });

  it('refuses a revoked grant, another app, an unknown merchant the same way, and a foreign payment ID', async () => {
    await revokeGrant({ actor: companyAdmin, input: { appId, merchantId } });
    expect(await resolve()).toBe('MERCHANT_NOT_GRANTED');
    await grantMerchant({ actor: companyAdmin, input: { appId, merchantId } });
    expect(await resolve({ appId: 'app_unknown' })).toBe('MERCHANT_NOT_GRANTED');
    expect(await resolve({ merchantId: 'mch_unknown' })).toBe('MERCHANT_NOT_GRANTED');
    const other = (await createMerchant({ actor: companyAdmin, input: { name: '别处', description: null } })).id;
    const foreign = (await activateChannel({ actor: companyAdmin, input: { merchantId: other, channel: 'EASYPAY', mode: 'SANDBOX', invokeMethods: ['PC'] } })).paymentId;
    expect(await resolve({ paymentId: foreign })).toBe('INVALID_REQUEST');
  });
});
