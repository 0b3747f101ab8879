import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('demo seed', () => {
  it('makes the demo tenant of the contract, idempotently', async () => {
    process.env.PAYCENTER_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'paycenter-demo-'));
    const { seedDemo } = await import('./seed-demo');
    const { db } = await import('@/server/db/client');
    const { openCredentials } = await import('@/server/gateway/accounts/sealed-credentials');

    const { file } = await seedDemo();
    const first = JSON.parse(readFileSync(file, 'utf8'));
    await seedDemo();
    const second = JSON.parse(readFileSync(file, 'utf8'));
    expect(second).toEqual(first);

    expect(first.appSecret).toMatch(/^pcs_/);
    expect(Object.keys(first.paymentIds).sort()).toEqual(['ALIPAY', 'ALIPAY_CERT', 'EASYPAY', 'WECHATPAY', 'WECHATPAY_PLATFORM_CERT']);
    expect(first.admin.email).toBeTruthy();
    expect(await db().propertyCompany.count()).toBe(1);
    expect(await db().merchant.count()).toBe(1);
    expect(await db().paymentChannel.count({ where: { mode: 'SANDBOX', merchantId: first.merchantId } })).toBe(5);
    expect(await db().appGrant.count({ where: { appId: first.appId, merchantId: first.merchantId, revokedAt: null } })).toBe(1);
    expect(await db().sandboxAccount.count()).toBe(5);
    // WeChat Pay in both of its verification modes: the public key, or the platform certificate.
    const modes = await Promise.all(
      (['WECHATPAY', 'WECHATPAY_PLATFORM_CERT'] as const).map(async (key) => {
        const row = await db().paymentChannel.findUniqueOrThrow({ where: { id: first.paymentIds[key] }, include: { trusted: true } });
        const opened = openCredentials(row);
        return { mode: opened.channel === 'WECHATPAY' && opened.verifyMode, trusted: row.trusted.map((entry) => entry.kind) };
      }),
    );
    expect(modes).toEqual([
      { mode: 'PUBLIC_KEY', trusted: ['PUBLIC_KEY'] },
      { mode: 'PLATFORM_CERT', trusted: ['CERTIFICATE'] },
    ]);
    // Alipay in both of its signing modes: Alipay's public key, or the certificates the simulator issued.
    const alipayModes = await Promise.all(
      (['ALIPAY', 'ALIPAY_CERT'] as const).map(async (key) => {
        const row = await db().paymentChannel.findUniqueOrThrow({ where: { id: first.paymentIds[key] }, include: { trusted: true } });
        const opened = openCredentials(row);
        const account = await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: row.id } });
        return { mode: opened.channel === 'ALIPAY' && opened.signMode, trusted: row.trusted.map((entry) => entry.kind), appCertSn: account.appCertSn !== null };
      }),
    );
    expect(alipayModes).toEqual([
      { mode: 'PUBLIC_KEY', trusted: ['PUBLIC_KEY'], appCertSn: false },
      { mode: 'CERT', trusted: ['CERTIFICATE'], appCertSn: true },
    ]);
    // Contract v1.1 "Demo tenant — additions": Alipay and WeChat Pay split, each with two receivers bound at its simulator.
    for (const channel of ['ALIPAY', 'WECHATPAY'] as const) {
      expect(first.splitReceivers[channel]).toEqual([expect.stringMatching(/^rcv_/), expect.stringMatching(/^rcv_/)]);
      expect(await db().paymentChannel.findUniqueOrThrow({ where: { id: first.paymentIds[channel] } })).toMatchObject({ splitEnabled: true, maxSplitRatioBps: 3000 });
      expect(await db().splitReceiver.count({ where: { paymentChannelId: first.paymentIds[channel], status: 'ACTIVE' } })).toBe(2);
    }
    expect(await db().splitReceiver.count()).toBe(4);
    expect(await db().sandboxWechatReceiver.count()).toBe(2);
    expect(await db().sandboxAlipayRoyaltyRelation.findMany({ select: { type: true }, orderBy: { type: 'asc' } })).toEqual([{ type: 'loginName' }, { type: 'userId' }]);
    const easypay = await db().paymentChannel.findUniqueOrThrow({ where: { id: first.paymentIds.EASYPAY } });
    const credentials = openCredentials(easypay);
    expect(credentials.channel === 'EASYPAY' && credentials.gatewayUrl).toMatch(/\/sandbox\/easypay$/);
  });
});
