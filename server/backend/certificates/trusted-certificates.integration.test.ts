import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { liveAlipayCredentials, makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { addTrustedCertificate, revokeTrustedCertificate } from './manage-trusted-certificates';

const publicKeyPem = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('certificate whitelist', () => {
  it('adds a channel key once, refuses it twice and garbage always, and revokes it', async () => {
    const admin = await platformAdmin();
    const companyAdmin = await makeUser('COMPANY_ADMIN', (await makeCompany(admin)).id);
    const merchant = await createMerchant({ actor: companyAdmin, input: { name: '南区', description: null } });
    const channel = await activateChannel({ actor: companyAdmin, input: { merchantId: merchant.id, channel: 'ALIPAY', mode: 'LIVE', invokeMethods: ['PC'], credentials: liveAlipayCredentials() } });
    const pem = publicKeyPem();

    const added = await addTrustedCertificate({ actor: companyAdmin, input: { paymentId: channel.paymentId, pem } });
    expect(added).toMatchObject({ kind: 'PUBLIC_KEY', source: 'MANUAL', revokedAt: null });
    await expect(addTrustedCertificate({ actor: companyAdmin, input: { paymentId: channel.paymentId, pem } })).rejects.toMatchObject({ code: 'CONFLICT' });
    const garbage = await addTrustedCertificate({ actor: companyAdmin, input: { paymentId: channel.paymentId, pem: 'hello' } }).catch((e: AppError) => e);
    expect(Object.keys((garbage as AppError).details?.fields as object)).toEqual(['pem']);

    const revoked = await revokeTrustedCertificate({ actor: companyAdmin, input: { certificateId: added.id } });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await db().trustedCertificate.count({ where: { paymentChannelId: channel.paymentId, revokedAt: null } })).toBe(1);
    // Once revoked, the same key may be trusted again as a new entry.
    await addTrustedCertificate({ actor: companyAdmin, input: { paymentId: channel.paymentId, pem } });
    const actions = (await db().auditLog.findMany({ where: { targetType: 'TrustedCertificate' }, orderBy: { createdAt: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['certificate.add', 'certificate.revoke', 'certificate.add']);
  });
});
