// The opened-account cache: reused while a channel is unchanged, never across channels, and never
// stale: a rotation or a revocation is what the very next call uses.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { updateChannelCredentials } from '@/server/backend/channels/update-channel-credentials';
import { revokeTrustedCertificate } from '@/server/backend/certificates/manage-trusted-certificates';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import type { Actor } from '@/server/backend/audit/record-audit';
import { db } from '@/server/db/client';
import { alipayClient } from '@/server/gateway/channels/alipay/alipay-client';
import { alipayNotifySignContent } from '@/server/gateway/channels/alipay/notify-signature';
import { rsa2Signer } from '@/server/gateway/channels/alipay/rsa2-signature';
import { pluginFor } from '@/server/gateway/registry';
import { parseRequest } from '@/server/gateway/request-parser';
import type { ChannelAccount } from '@/server/gateway/types';
import { liveAlipayCredentials, makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { loadChannelAccount } from './load-channel-account';

let admin: Actor;

beforeAll(async () => {
  admin = await platformAdmin();
});

/** A company with a merchant and a LIVE Alipay channel (nothing is sent: APP payments are signed locally). */
async function liveChannel(credentials = liveAlipayCredentials()) {
  const company = await makeCompany(admin);
  const companyAdmin = await makeUser('COMPANY_ADMIN', company.id);
  const merchant = await createMerchant({ actor: companyAdmin, input: { name: '翠湖小区', description: null } });
  const channel = await activateChannel({ actor: companyAdmin, input: { merchantId: merchant.id, channel: 'ALIPAY', mode: 'LIVE', invokeMethods: ['APP'], credentials } });
  return { companyAdmin, paymentId: channel.paymentId, credentials };
}

/** The key an APP payment's orderString is signed with, among `keys`, through the plugin as a payment would be. */
async function signingKey(account: ChannelAccount, keys: KeyObject[]): Promise<KeyObject | undefined> {
  const created = await pluginFor('ALIPAY').createPayment({
    account,
    execution: parseRequest({ channel: 'ALIPAY', invokeMethod: 'APP', enabled: ['APP'] }),
    serialNo: `P${Date.now()}`,
    amount: 100,
    subject: '物业费',
    expiresAt: new Date(Date.now() + 600_000),
    notifyUrl: 'https://paycenter.example/api/channels/alipay/notify/x',
  });
  if (created.action.type !== 'SDK_PARAMS') throw new Error(`expected SDK_PARAMS, got ${created.action.type}`);
  const params = Object.fromEntries(new URLSearchParams(String(created.action.params.orderString)));
  return rsa2Signer(alipayNotifySignContent(params, { includeSignType: true }), params.sign ?? '', keys);
}

const publicKeyOf = (privateKeyPem: string) => createPublicKey(createPrivateKey(privateKeyPem));

describe('loadChannelAccount', () => {
  it('hands out the same frozen account, and the same SDK client, while the channel is unchanged', async () => {
    const { paymentId } = await liveChannel();
    const first = await loadChannelAccount(paymentId);
    const second = await loadChannelAccount(paymentId);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(alipayClient(second)).toBe(alipayClient(first));
  });

  it('uses rotated credentials from the very next call: the payment is signed with the new key', async () => {
    const { companyAdmin, paymentId, credentials } = await liveChannel();
    const oldKey = publicKeyOf(credentials.privateKey);
    const before = await loadChannelAccount(paymentId);
    expect(await signingKey(before, [oldKey])).toBe(oldKey);

    const rotated = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const newKey = publicKeyOf(rotated);
    await updateChannelCredentials({ actor: companyAdmin, input: { paymentId, credentials: { ...credentials, privateKey: rotated } } });

    const after = await loadChannelAccount(paymentId);
    expect(after).not.toBe(before);
    expect(alipayClient(after)).not.toBe(alipayClient(before));
    expect(await signingKey(after, [oldKey, newKey])).toBe(newKey);
  });

  it('drops a revoked key from the very next call', async () => {
    const { companyAdmin, paymentId } = await liveChannel();
    const before = await loadChannelAccount(paymentId);
    expect(before.trustedKeys).toHaveLength(1);
    const trusted = await db().trustedCertificate.findFirstOrThrow({ where: { paymentChannelId: paymentId } });
    await revokeTrustedCertificate({ actor: companyAdmin, input: { certificateId: trusted.id } });
    expect((await loadChannelAccount(paymentId)).trustedKeys).toEqual([]);
  });

  it('never shares an account or a client between two tenants, even with the same credentials', async () => {
    const shared = liveAlipayCredentials();
    const [one, two] = [await liveChannel(shared), await liveChannel(shared)];
    const [accountOne, accountTwo] = [await loadChannelAccount(one.paymentId), await loadChannelAccount(two.paymentId)];
    expect(accountOne.paymentId).toBe(one.paymentId);
    expect(accountTwo.paymentId).toBe(two.paymentId);
    expect(accountTwo).not.toBe(accountOne);
    expect(alipayClient(accountTwo)).not.toBe(alipayClient(accountOne));
  });
});
