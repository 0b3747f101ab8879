// Alipay's certificates in certificate mode raise CERTIFICATE_EXPIRING alerts as WeChat Pay's platform
// certificates do: the app certificate and the roots the merchant holds, and Alipay's certificate on the
// whitelist until a renewed one succeeds it.
import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { db } from '@/server/db/client';
import { recordTrustedMaterial } from '@/server/gateway/accounts/record-trusted-material';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { describeTrustedPem } from '@/server/gateway/credentials/trusted-material';
import { rotateAlipayCertificate } from '@/server/sandbox/alipay';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { evaluateRule } from '../run-monitoring';

const DAY_MS = 24 * 3600_000;
let paymentId: string;
let companyId: string;
let certificates: Record<'app' | 'alipay' | 'root', X509Certificate>;

beforeAll(async () => {
  companyId = (await makeCompany(await platformAdmin())).id;
  const companyAdmin = await makeUser('COMPANY_ADMIN', companyId);
  const merchant = await createMerchant({ actor: companyAdmin, input: { name: '到期小区', description: null } });
  ({ paymentId } = await activateChannel({ actor: companyAdmin, input: { merchantId: merchant.id, channel: 'ALIPAY', mode: 'SANDBOX', invokeMethods: ['QR'], alipaySignMode: 'CERT' } }));
  const { credentials } = await loadChannelAccount(paymentId);
  if (credentials.channel !== 'ALIPAY' || credentials.signMode !== 'CERT') throw new Error('expected certificate mode');
  const leaf = (pem: string) => new X509Certificate(pem.slice(0, pem.indexOf('-----END CERTIFICATE-----') + 25));
  certificates = { app: leaf(credentials.appCert), alipay: leaf(credentials.alipayPublicCert), root: leaf(credentials.alipayRootCert) };
});

const subject = (certificate: X509Certificate, serial = certificate.serialNumber) => `certificate:${paymentId}:${serial}`;
const alertOf = (certificate: X509Certificate, serial?: string) => db().alert.findFirst({ where: { kind: 'CERTIFICATE_EXPIRING', subject: subject(certificate, serial) } });
const daysBefore = (certificate: X509Certificate, days: number) => new Date(Date.parse(certificate.validTo) - days * DAY_MS);

describe('CERTIFICATE_EXPIRING for Alipay certificate mode', () => {
  it('warns of the app certificate and of the root, at each threshold, naming what expires', async () => {
    for (const [certificate, role] of [
      [certificates.app, 'Alipay app certificate'],
      [certificates.root, 'Alipay root certificate'],
    ] as const) {
      expect(await evaluateRule('CERTIFICATE_EXPIRING', { now: daysBefore(certificate, 40), jobs: [] })).toMatchObject({ raised: expect.any(Number) });
      expect(await alertOf(certificate)).toBeNull();
      await evaluateRule('CERTIFICATE_EXPIRING', { now: daysBefore(certificate, 10), jobs: [] });
      await evaluateRule('CERTIFICATE_EXPIRING', { now: daysBefore(certificate, 9), jobs: [] });
      expect(await alertOf(certificate)).toMatchObject({ companyId, occurrences: 1, details: expect.objectContaining({ stage: '30d' }) });
      expect((await alertOf(certificate))!.message).toContain(`${role} ${certificate.serialNumber} of payment ID ${paymentId} expires on ${new Date(certificate.validTo).toISOString().slice(0, 10)}`);
      await evaluateRule('CERTIFICATE_EXPIRING', { now: daysBefore(certificate, 6), jobs: [] });
      expect(await alertOf(certificate)).toMatchObject({ occurrences: 2, details: expect.objectContaining({ stage: '7d' }) });
    }
  });

  it('warns of Alipay’s whitelisted certificate under its SN, until a renewed one succeeds it', async () => {
    const [entry] = await db().trustedCertificate.findMany({ where: { paymentChannelId: paymentId } });
    await evaluateRule('CERTIFICATE_EXPIRING', { now: daysBefore(certificates.alipay, 10), jobs: [] });
    const alert = await alertOf(certificates.alipay, entry!.serial);
    expect(alert).toMatchObject({ companyId, details: expect.objectContaining({ stage: '30d' }) });
    expect(alert!.message).toContain(`Alipay public key certificate ${entry!.serial}`);

    // A month before, Alipay renews; the renewed certificate (same subject, later end) comes onto the whitelist.
    const renewedAt = daysBefore(certificates.alipay, 30);
    const renewed = await rotateAlipayCertificate(renewedAt);
    await db().$transaction((tx) => recordTrustedMaterial(tx, { id: paymentId, companyId }, [describeTrustedPem(renewed.chainPem, { channel: 'ALIPAY', now: renewedAt })], 'DOWNLOADED'));
    await evaluateRule('CERTIFICATE_EXPIRING', { now: daysBefore(certificates.alipay, 5), jobs: [] });
    expect(await alertOf(certificates.alipay, entry!.serial)).toMatchObject({ status: 'RESOLVED' });
    expect(await alertOf(certificates.alipay, renewed.sn)).toBeNull();
  });
});
