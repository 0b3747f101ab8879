import { db } from '@/server/db/client';
import type { Channel } from '@/server/db/generated/client';
import { env } from '@/server/config/env';
import { CHANNEL_INVOKE_METHODS } from '@/server/contract/invoke-methods';
import { demoFilePath, mergeDemoFile, readDemoFile } from '@/server/lib/demo-file';
import { openAppSecret } from '@/server/security/app-secret';
import { registerApp } from '@/server/backend/apps/register-app';
import type { Actor } from '@/server/backend/audit/record-audit';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { openCredentials } from '@/server/gateway/accounts/sealed-credentials';
import { createCompany } from '@/server/backend/companies/create-company';
import { grantMerchant } from '@/server/backend/grants/grant-merchant';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { createUser } from '@/server/backend/users/create-user';
import { ensurePlatformAdmin } from '@/server/backend/users/ensure-platform-admin';
import { registerSplitReceiver } from '@/server/backend/splits/split-receivers';
import { updateSplitSettings } from '@/server/backend/splits/update-split-settings';

export const DEMO = {
  company: '演示物业 Demo Property Co.',
  merchant: '阳光花园 Sunshine Garden',
  app: '物业缴费 Demo Fee Collection',
  companyAdminEmail: 'demo-company-admin@paycenter.local',
} as const;

/**
 * The demo merchant's sandbox payment IDs, by the key demo.json names them: one per channel, a second
 * WeChat Pay merchant in platform-certificate mode and a second Alipay app in certificate mode (the
 * first ones are in public-key mode).
 */
const DEMO_CHANNELS: Array<{ key: string; channel: Channel; wechatVerifyMode?: 'PLATFORM_CERT' | 'PUBLIC_KEY'; alipaySignMode?: 'CERT' | 'PUBLIC_KEY' }> = [
  { key: 'ALIPAY', channel: 'ALIPAY', alipaySignMode: 'PUBLIC_KEY' },
  { key: 'ALIPAY_CERT', channel: 'ALIPAY', alipaySignMode: 'CERT' },
  { key: 'WECHATPAY', channel: 'WECHATPAY', wechatVerifyMode: 'PUBLIC_KEY' },
  { key: 'WECHATPAY_PLATFORM_CERT', channel: 'WECHATPAY', wechatVerifyMode: 'PLATFORM_CERT' },
  { key: 'EASYPAY', channel: 'EASYPAY' },
];

/** The sandbox payment channels of a merchant, oldest first, with the WeChat Pay verify mode or Alipay sign mode of each. */
async function existingSandboxChannels(merchantId: string) {
  const rows = await db().paymentChannel.findMany({ where: { merchantId, mode: 'SANDBOX' }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => {
    const credentials = openCredentials(row);
    const verifyMode = credentials.channel === 'WECHATPAY' ? credentials.verifyMode : credentials.channel === 'ALIPAY' ? credentials.signMode : null;
    return { id: row.id, channel: row.channel, verifyMode };
  });
}

/** The demo's split receivers per splitting channel: a sub-contractor and the platform's service fee. */
const DEMO_RECEIVERS = {
  ALIPAY: [
    { accountType: 'ALIPAY_USER_ID', account: '2088102146225135', name: '演示保洁服务有限公司', relationType: 'SUPPLIER' },
    { accountType: 'ALIPAY_LOGON_ID', account: 'fee@demo-platform.example', name: '演示平台服务有限公司', relationType: 'SERVICE_PROVIDER' },
  ],
  WECHATPAY: [
    { accountType: 'MERCHANT_ID', account: '1900012345', name: '演示保洁服务有限公司', relationType: 'SUPPLIER' },
    { accountType: 'MERCHANT_ID', account: '1900054321', name: '演示平台服务有限公司', relationType: 'SERVICE_PROVIDER' },
  ],
} as const;

/**
 * Splitting on (ceiling 30 %) and the two receivers of one channel, each registered once; bound at the
 * simulator through the provisioner, as the seed runs before the server listens.
 */
async function seedSplitReceivers(actor: Actor, paymentId: string, channel: keyof typeof DEMO_RECEIVERS): Promise<string[]> {
  const paymentChannel = await db().paymentChannel.findUniqueOrThrow({ where: { id: paymentId } });
  if (!paymentChannel.splitEnabled) await updateSplitSettings({ actor, input: { paymentId, splitEnabled: true, maxSplitRatioBps: 3000 } });
  const ids: string[] = [];
  for (const receiver of DEMO_RECEIVERS[channel]) {
    const found = await db().splitReceiver.findFirst({ where: { paymentChannelId: paymentId, accountType: receiver.accountType, account: receiver.account, status: 'ACTIVE' } });
    ids.push(found?.id ?? (await registerSplitReceiver({ actor, input: { paymentId, ...receiver }, bindAt: 'SANDBOX_PROVISIONER' })).id);
  }
  return ids;
}

async function platformActor(): Promise<Actor> {
  const admin = await db().user.findFirstOrThrow({ where: { role: 'PLATFORM_ADMIN' }, orderBy: { createdAt: 'asc' } });
  return { userId: admin.id, email: admin.email, role: admin.role, companyId: null };
}

/**
 * The demo tenant of api-contract.md: a property company with one merchant, a sandbox channel for
 * every supported channel, a demo app granted that merchant, a company admin, and the platform
 * admin. Made idempotently (found by name, nothing duplicated); credentials go to `.data/demo.json`.
 */
export async function seedDemo(): Promise<{ file: string }> {
  await ensurePlatformAdmin();
  const actor = await platformActor();

  const company = (await db().propertyCompany.findFirst({ where: { name: DEMO.company } })) ?? (await createCompany({ actor, input: { name: DEMO.company, contactName: '王经理', contactPhone: '400-000-0000' } }));
  const merchant =
    (await db().merchant.findFirst({ where: { companyId: company.id, name: DEMO.merchant } })) ??
    (await createMerchant({ actor, input: { companyId: company.id, name: DEMO.merchant, description: '演示小区 · demo residential community' } }));

  const paymentIds: Record<string, string> = {};
  const existing = await existingSandboxChannels(merchant.id);
  for (const { key, channel, wechatVerifyMode, alipaySignMode } of DEMO_CHANNELS) {
    const found = existing.find((row) => row.channel === channel && row.verifyMode === (wechatVerifyMode ?? alipaySignMode ?? null));
    const modes = { ...(wechatVerifyMode ? { wechatVerifyMode } : {}), ...(alipaySignMode ? { alipaySignMode } : {}) };
    paymentIds[key] =
      found?.id ?? (await activateChannel({ actor, input: { merchantId: merchant.id, channel, mode: 'SANDBOX', invokeMethods: [...CHANNEL_INVOKE_METHODS[channel]], ...modes } })).paymentId;
  }

  const splitReceivers = {
    ALIPAY: await seedSplitReceivers(actor, paymentIds.ALIPAY!, 'ALIPAY'),
    WECHATPAY: await seedSplitReceivers(actor, paymentIds.WECHATPAY!, 'WECHATPAY'),
  };

  let app = await db().app.findFirst({ where: { name: DEMO.app } });
  if (!app) app = (await registerApp({ actor, input: { name: DEMO.app, description: 'Sandbox app of the demo tenant', defaultNotifyUrl: null, ipAllowlist: [] } })).app;
  await grantMerchant({ actor, input: { appId: app.id, merchantId: merchant.id } });
  const secretRow = await db().appSecret.findFirstOrThrow({ where: { appId: app.id, revokedAt: null }, orderBy: { createdAt: 'desc' } });

  const previous = await readDemoFile();
  let companyAdmin = previous.companyAdmin as { email: string; password: string } | undefined;
  if (!(await db().user.findUnique({ where: { email: DEMO.companyAdminEmail } }))) {
    const created = await createUser({ actor, input: { email: DEMO.companyAdminEmail, name: '演示公司管理员', role: 'COMPANY_ADMIN', companyId: company.id } });
    companyAdmin = { email: DEMO.companyAdminEmail, password: created.temporaryPassword! };
  }

  await mergeDemoFile({
    baseUrl: env().PAYCENTER_BASE_URL,
    appId: app.id,
    appSecret: openAppSecret(secretRow),
    merchantId: merchant.id,
    paymentIds,
    splitReceivers,
    ...(companyAdmin ? { companyAdmin } : {}),
  });
  return { file: demoFilePath() };
}
