import type { PaymentChannel, TrustedCertificate } from '@/server/db/generated/client';

const DAY = 24 * 3600 * 1000;
export const EXPIRY_WARNING_DAYS = 30;

export function trustedView(item: TrustedCertificate, now = new Date()) {
  const expired = !!item.validTo && item.validTo <= now;
  return {
    id: item.id,
    kind: item.kind,
    serial: item.serial,
    subject: item.subject,
    issuer: item.issuer,
    validFrom: item.validFrom,
    validTo: item.validTo,
    fingerprint: item.fingerprint,
    source: item.source,
    createdAt: item.createdAt,
    revokedAt: item.revokedAt,
    expired,
    /** Still valid but expiring within 30 days: flagged on the page. */
    expiringSoon: !expired && !!item.validTo && item.validTo.getTime() - now.getTime() <= EXPIRY_WARNING_DAYS * DAY,
  };
}

/** What the dashboard sees of a payment channel: never the sealed credentials. */
export function channelView(row: PaymentChannel & { trusted?: TrustedCertificate[] }) {
  return {
    paymentId: row.id,
    merchantId: row.merchantId,
    companyId: row.companyId,
    channel: row.channel,
    mode: row.mode,
    invokeMethods: row.invokeMethods,
    status: row.status,
    splitEnabled: row.splitEnabled,
    maxSplitRatioBps: row.maxSplitRatioBps,
    credentials: row.publicConfig,
    credentialsUpdatedAt: row.credentialsUpdatedAt,
    createdAt: row.createdAt,
    trusted: (row.trusted ?? []).map((item) => trustedView(item)),
  };
}

export type ChannelView = ReturnType<typeof channelView>;
