import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { openCredentials } from '@/server/gateway/accounts/sealed-credentials';
import type { Actor } from '@/server/backend/audit/record-audit';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { liveAlipayCredentials, makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { simulatorProvisioner } from '@/server/sandbox/provisioning/sandbox-provisioner';
import { sandboxIdentity } from '@/server/sandbox/sandbox-identity';
import { sandboxPlatformCertificate } from '@/server/sandbox/wechatpay/platform-certificate';
import { activateChannel } from './activate-channel';
import { provideSandboxProvisioner } from './sandbox-provisioner';
import { updateChannelCredentials } from './update-channel-credentials';

let companyAdmin: Actor;
let merchantId: string;

beforeAll(async () => {
  const admin = await platformAdmin();
  const company = await makeCompany(admin);
  companyAdmin = await makeUser('COMPANY_ADMIN', company.id);
  merchantId = (await createMerchant({ actor: companyAdmin, input: { name: '翠湖小区', description: null } })).id;
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('channel activation', () => {
  it('activates a sandbox channel with generated keys registered with the simulator', async () => {
    const channel = await activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'ALIPAY', mode: 'SANDBOX', invokeMethods: ['PC', 'QR', 'PC'] } });
    expect(channel.paymentId).toMatch(/^pay_[0-9A-Za-z]{20}$/);
    expect(channel.invokeMethods).toEqual(['PC', 'QR']);
    expect(channel.trusted).toHaveLength(1);
    const account = await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: channel.paymentId } });
    const row = await db().paymentChannel.findUniqueOrThrow({ where: { id: channel.paymentId } });
    const credentials = openCredentials(row);
    expect(credentials.channel === 'ALIPAY' && credentials.appId).toBe(account.accountId);
    expect(account.merchantPublicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(JSON.stringify(channel)).not.toContain('PRIVATE KEY');
  });

  it('activates a live Alipay channel and trusts its Alipay public key', async () => {
    const input = liveAlipayCredentials();
    const channel = await activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'ALIPAY', mode: 'LIVE', invokeMethods: ['WAP'], credentials: input } });
    expect(channel.mode).toBe('LIVE');
    expect(channel.trusted).toEqual([expect.objectContaining({ kind: 'PUBLIC_KEY', source: 'ACTIVATION', revokedAt: null })]);
    expect(channel.credentials).toMatchObject({ appId: input.appId, privateKey: { set: true } });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: 'channel.activate', targetId: channel.paymentId } });
    expect(JSON.stringify(audit.summary)).not.toContain('PRIVATE KEY');
  });

  it('refuses malformed keys naming the field, and stores nothing', async () => {
    const before = await db().paymentChannel.count();
    const error = await failure(
      activateChannel({
        actor: companyAdmin,
        input: { merchantId, channel: 'ALIPAY', mode: 'LIVE', invokeMethods: ['PC'], credentials: { ...liveAlipayCredentials(), privateKey: 'MIIE-not-a-key', appId: '123' } },
      }),
    );
    expect(error.code).toBe('INVALID_REQUEST');
    expect(Object.keys(error.details?.fields as object).sort()).toEqual(['credentials.appId', 'credentials.privateKey']);
    expect(await db().paymentChannel.count()).toBe(before);
  });

  it('refuses invoke methods the channel cannot serve', async () => {
    const error = await failure(activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'EASYPAY', mode: 'SANDBOX', invokeMethods: ['APP'] } }));
    expect(error.details?.fields).toEqual({ invokeMethods: 'EASYPAY does not support APP' });
  });

  it('edits credentials replace-only: an empty secret keeps the stored one, a new Alipay key joins the whitelist', async () => {
    const original = liveAlipayCredentials();
    const channel = await activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'ALIPAY', mode: 'LIVE', invokeMethods: ['PC'], credentials: original } });
    const rotated = liveAlipayCredentials().alipayPublicKey;
    const updated = await updateChannelCredentials({ actor: companyAdmin, input: { paymentId: channel.paymentId, credentials: { privateKey: '', alipayPublicKey: rotated } } });
    const stored = openCredentials(await db().paymentChannel.findUniqueOrThrow({ where: { id: channel.paymentId } }));
    expect(stored.channel === 'ALIPAY' && stored.privateKey.trim()).toBe(original.privateKey.trim());
    expect(stored.channel === 'ALIPAY' && stored.signMode === 'PUBLIC_KEY' && stored.alipayPublicKey.trim()).toBe(rotated.trim());
    expect(updated.trusted.filter((t) => !t.revokedAt)).toHaveLength(2);
  });

  it('activates sandbox WeChat Pay in public-key mode by default, trusting the simulator key under its id', async () => {
    const channel = await activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'WECHATPAY', mode: 'SANDBOX', invokeMethods: ['QR'] } });
    const identity = await sandboxIdentity('WECHATPAY');
    expect(channel.trusted).toEqual([expect.objectContaining({ kind: 'PUBLIC_KEY', serial: identity.publicKeyId })]);
    const account = await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: channel.paymentId } });
    expect(account.wechatVerifyMode).toBe('PUBLIC_KEY');
  });

  it('activates sandbox WeChat Pay in platform-certificate mode: the simulator certificate, and no public key', async () => {
    const channel = await activateChannel({
      actor: companyAdmin,
      input: { merchantId, channel: 'WECHATPAY', mode: 'SANDBOX', invokeMethods: ['QR', 'WAP'], wechatVerifyMode: 'PLATFORM_CERT' },
    });
    const platform = await sandboxPlatformCertificate();
    expect(channel.trusted).toEqual([expect.objectContaining({ kind: 'CERTIFICATE', serial: platform.serial })]);
    const credentials = openCredentials(await db().paymentChannel.findUniqueOrThrow({ where: { id: channel.paymentId } }));
    expect(credentials).toMatchObject({ channel: 'WECHATPAY', verifyMode: 'PLATFORM_CERT', platformCertificates: [platform.pem] });
    expect(credentials).not.toHaveProperty('publicKey');
    const account = await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: channel.paymentId } });
    expect(account.wechatVerifyMode).toBe('PLATFORM_CERT');
  });

  it('refuses a sandbox channel on a server without the simulators wired in (sandbox mode off), storing nothing', async () => {
    const before = await db().paymentChannel.count();
    provideSandboxProvisioner(null);
    try {
      const error = await failure(activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'EASYPAY', mode: 'SANDBOX', invokeMethods: ['PC'] } }));
      expect(error.status).toBe(400);
      expect(error.details?.fields).toEqual({ mode: 'sandbox mode is off on this server (PAYCENTER_SANDBOX)' });
    } finally {
      provideSandboxProvisioner(simulatorProvisioner);
    }
    expect(await db().paymentChannel.count()).toBe(before);
  });

  it('refuses wechatVerifyMode for other channels and for live channels, storing nothing', async () => {
    const before = await db().paymentChannel.count();
    const alipay = await failure(activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'ALIPAY', mode: 'SANDBOX', invokeMethods: ['PC'], wechatVerifyMode: 'PLATFORM_CERT' } }));
    expect(alipay.details?.fields).toEqual({ wechatVerifyMode: expect.stringContaining('only for WeChat Pay') });
    const live = await failure(activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'WECHATPAY', mode: 'LIVE', invokeMethods: ['QR'], wechatVerifyMode: 'PUBLIC_KEY' } }));
    expect(Object.keys(live.details?.fields as object)).toEqual(['wechatVerifyMode']);
    expect(await db().paymentChannel.count()).toBe(before);
  });

  it('refuses alipaySignMode for other channels and for live channels, storing nothing', async () => {
    const before = await db().paymentChannel.count();
    const wechat = await failure(activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'WECHATPAY', mode: 'SANDBOX', invokeMethods: ['QR'], alipaySignMode: 'CERT' } }));
    expect(wechat.details?.fields).toEqual({ alipaySignMode: expect.stringContaining('only for Alipay') });
    const live = await failure(activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'ALIPAY', mode: 'LIVE', invokeMethods: ['PC'], alipaySignMode: 'CERT' } }));
    expect(Object.keys(live.details?.fields as object)).toEqual(['alipaySignMode']);
    expect(await db().paymentChannel.count()).toBe(before);
  });

  it('keeps no channel secret in clear text anywhere in the database', async () => {
    const secrets = liveAlipayCredentials();
    await activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'ALIPAY', mode: 'LIVE', invokeMethods: ['PC'], credentials: secrets } });
    await activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'EASYPAY', mode: 'SANDBOX', invokeMethods: ['PC'] } });
    await activateChannel({ actor: companyAdmin, input: { merchantId, channel: 'WECHATPAY', mode: 'SANDBOX', invokeMethods: ['QR'] } });

    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      let dump = '';
      for (const { tablename } of tables.rows) {
        const rows = await client.query(`SELECT row_to_json(t)::text AS j FROM ${client.escapeIdentifier(tablename)} t`);
        dump += rows.rows.map((r: { j: string }) => r.j).join('\n');
      }
      expect(dump).not.toContain('PRIVATE KEY');
      const body = secrets.privateKey.split('\n')[5]!;
      expect(body.length).toBeGreaterThan(40);
      expect(dump).not.toContain(body);
      for (const row of await db().paymentChannel.findMany()) {
        const credentials = openCredentials(row);
        if (credentials.channel === 'EASYPAY') expect(dump).not.toContain(credentials.key);
        if (credentials.channel === 'WECHATPAY') expect(dump).not.toContain(credentials.apiV3Key);
      }
    } finally {
      await client.end();
    }
  });
});
