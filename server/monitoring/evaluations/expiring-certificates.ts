import type { X509Certificate } from 'node:crypto';
import { db } from '@/server/db/client';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { parseCertificates } from '@/server/gateway/credentials/crypto-material';
import { logger } from '@/server/logging/logger';
import type { AlertRuleParams } from '../rules/alert-rule-catalogue';
import type { FailingCondition } from '../raise-conditions';

const DAY_MS = 24 * 3600_000;

interface Certificate {
  paymentChannelId: string;
  companyId: string;
  /** What it is, for staff: "WeChat Pay platform certificate", "Alipay app certificate"... */
  role: string;
  serial: string;
  validTo: Date;
}

/**
 * The step a certificate has reached: "expired", or the smallest threshold (days) it is within;
 * null while it is further away than every threshold.
 */
function stageOf(validTo: Date, days: readonly number[], now: Date): string | null {
  const left = validTo.getTime() - now.getTime();
  if (left <= 0) return 'expired';
  const within = days.filter((threshold) => left <= threshold * DAY_MS);
  return within.length === 0 ? null : `${Math.min(...within)}d`;
}

/** What a whitelisted certificate is, by its channel's name for it. */
const WHITELIST_ROLES: Record<string, string> = { ALIPAY: 'Alipay public key certificate', WECHATPAY: 'WeChat Pay platform certificate' };

/**
 * The channels' certificates on the whitelists (WeChat Pay platform certificates, Alipay's
 * certificates in cert mode) that no newer certificate of the same subject succeeds: a rotated one
 * that simply runs out is no news.
 */
async function whitelistedCertificates(): Promise<Certificate[]> {
  const rows = await db().$queryRaw<Array<{ paymentChannelId: string; companyId: string; channel: string; serial: string; validTo: Date }>>`
    SELECT t."paymentChannelId", t."companyId", c."channel"::text AS "channel", t."serial", t."validTo"
    FROM "TrustedCertificate" t JOIN "PaymentChannel" c ON c."id" = t."paymentChannelId"
    WHERE c."status" = 'ENABLED' AND t."kind" = 'CERTIFICATE' AND t."revokedAt" IS NULL AND t."validTo" IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM "TrustedCertificate" n
        WHERE n."paymentChannelId" = t."paymentChannelId" AND n."kind" = 'CERTIFICATE' AND n."revokedAt" IS NULL
          AND n."subject" IS NOT DISTINCT FROM t."subject" AND n."validTo" > t."validTo")`;
  return rows.map((row) => ({ ...row, role: WHITELIST_ROLES[row.channel] ?? `${row.channel} certificate` }));
}

/** Cert mode's certificates kept in the sealed credentials: the merchant's own app certificate and the Alipay roots it trusts. */
async function alipayCredentialCertificates(): Promise<Certificate[]> {
  const channels = await db().paymentChannel.findMany({ where: { channel: 'ALIPAY', status: 'ENABLED' }, select: { id: true, companyId: true } });
  const certificates: Certificate[] = [];
  for (const channel of channels) {
    try {
      const { credentials } = await loadChannelAccount(channel.id);
      if (credentials.channel !== 'ALIPAY' || credentials.signMode !== 'CERT') continue;
      const held: Array<[string, X509Certificate]> = [
        ...parseCertificates(credentials.appCert).slice(0, 1).map((leaf): [string, X509Certificate] => ['Alipay app certificate', leaf]),
        ...parseCertificates(credentials.alipayRootCert).map((root): [string, X509Certificate] => ['Alipay root certificate', root]),
      ];
      for (const [role, certificate] of held) {
        certificates.push({ paymentChannelId: channel.id, companyId: channel.companyId, role, serial: certificate.serialNumber, validTo: new Date(certificate.validTo) });
      }
    } catch (error) {
      logger().warn({ err: error, paymentId: channel.id }, 'could not read the Alipay app and root certificates for their expiry');
    }
  }
  return certificates;
}

/**
 * Certificates expiring within one of the rule's thresholds (30 / 7 / 1 days) or expired: each
 * threshold crossed is one occurrence on the certificate's alert, however often the job runs.
 */
export async function findExpiringCertificates(options: { params: AlertRuleParams<'CERTIFICATE_EXPIRING'>; now: Date }): Promise<FailingCondition[]> {
  const certificates = [...(await whitelistedCertificates()), ...(await alipayCredentialCertificates())];
  return certificates.flatMap((certificate) => {
    const stage = stageOf(certificate.validTo, options.params.days, options.now);
    if (!stage) return [];
    const when = certificate.validTo.toISOString().slice(0, 10);
    return [
      {
        subject: `certificate:${certificate.paymentChannelId}:${certificate.serial}`,
        companyId: certificate.companyId,
        stage,
        message:
          stage === 'expired'
            ? `${certificate.role} ${certificate.serial} of payment ID ${certificate.paymentChannelId} expired on ${when}.`
            : `${certificate.role} ${certificate.serial} of payment ID ${certificate.paymentChannelId} expires on ${when} (within ${stage.replace('d', ' days')}).`,
        details: { paymentId: certificate.paymentChannelId, serial: certificate.serial, validTo: certificate.validTo.toISOString() },
      },
    ];
  });
}
