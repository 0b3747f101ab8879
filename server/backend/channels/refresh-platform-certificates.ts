import { db } from '@/server/db/client';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { downloadPlatformCertificates } from '@/server/gateway/channels/wechatpay';
import { describeTrustedPem, type TrustedMaterial } from '@/server/gateway/credentials/trusted-material';
import { logger } from '@/server/logging/logger';
import { raiseAlert } from '@/server/messaging/raise-alert';
import { recordTrustedMaterial } from './record-trusted-material';

/** WeChat Pay issues a new platform certificate well before the old one expires; 30 days without one is worth a look. */
export const EXPIRY_WARNING_MS = 30 * 24 * 3600 * 1000;

export interface RefreshPlatformCertificatesResult {
  /** PLATFORM_CERT channels asked. */
  checked: number;
  /** Certificates newly put on whitelists. */
  added: number;
  failed: number;
  /** Channels whose newest trusted certificate expires within 30 days. */
  expiring: number;
}

interface ChannelRow {
  id: string;
  companyId: string;
}

/** The downloaded certificates as whitelist entries; one that is not currently valid is skipped (and comes again tomorrow). */
function materialOf(paymentId: string, certificates: Array<{ serial: string; pem: string }>, now: Date): TrustedMaterial[] {
  return certificates.flatMap((certificate) => {
    try {
      return [describeTrustedPem(certificate.pem, { channel: 'WECHATPAY', now })];
    } catch (error) {
      logger().warn({ err: error, paymentId, serial: certificate.serial }, 'downloaded WeChat Pay platform certificate not trusted');
      return [];
    }
  });
}

async function refreshChannel(channel: ChannelRow, now: Date): Promise<{ added: number; expiring: boolean } | null> {
  const account = await loadChannelAccount(channel.id, now);
  if (account.credentials.channel !== 'WECHATPAY' || account.credentials.verifyMode !== 'PLATFORM_CERT') return null;
  const material = materialOf(channel.id, await downloadPlatformCertificates(account), now);
  const added = material.length > 0 ? await db().$transaction((tx) => recordTrustedMaterial(tx, channel, material, 'DOWNLOADED')) : 0;

  const newest = await db().trustedCertificate.findFirst({
    where: { paymentChannelId: channel.id, kind: 'CERTIFICATE', revokedAt: null, validTo: { not: null } },
    orderBy: { validTo: 'desc' },
    select: { serial: true, validTo: true },
  });
  const expiring = !newest?.validTo || newest.validTo.getTime() - now.getTime() < EXPIRY_WARNING_MS;
  if (expiring) await alertExpiring(channel, newest?.serial ?? null, newest?.validTo ?? null);
  return { added, expiring };
}

/** Staff are told once per channel and certificate, not every day the job runs. */
async function alertExpiring(channel: ChannelRow, serial: string | null, validTo: Date | null): Promise<void> {
  // 'none': the whitelist holds no certificate at all.
  const details = { paymentId: channel.id, serial: serial ?? 'none', validTo: validTo?.toISOString() ?? null };
  logger().warn({ companyId: channel.companyId, ...details }, 'WeChat Pay platform certificate expires within 30 days and WeChat Pay has issued no newer one');
  await db().$transaction(async (tx) => {
    // One alert per (channel, serial) even when two instances run the job at once.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`certificate-expiring:${channel.id}`}))`;
    const known = await tx.alert.count({
      where: { kind: 'CERTIFICATE_EXPIRING', AND: [{ details: { path: ['paymentId'], equals: channel.id } }, { details: { path: ['serial'], equals: details.serial } }] },
    });
    if (known > 0) return;
    await raiseAlert(tx, {
      kind: 'CERTIFICATE_EXPIRING',
      companyId: channel.companyId,
      subject: `certificate:${channel.id}:${details.serial}`,
      message: validTo
        ? `WeChat Pay platform certificate ${serial} of payment ID ${channel.id} expires on ${validTo.toISOString().slice(0, 10)} and no newer one was issued`
        : `Payment ID ${channel.id} trusts no WeChat Pay platform certificate`,
      details,
    });
  });
}

/**
 * Downloads the WeChat Pay platform certificates of every enabled WeChat Pay channel in platform
 * certificate mode and adds new ones to its whitelist (source DOWNLOADED), so callbacks signed with a
 * rotated certificate keep verifying. One channel's failure (unreachable, bad answer) stops no other.
 */
export async function refreshPlatformCertificates(options: { now?: Date } = {}): Promise<RefreshPlatformCertificatesResult> {
  const now = options.now ?? new Date();
  const channels = await db().paymentChannel.findMany({ where: { channel: 'WECHATPAY', status: 'ENABLED' }, select: { id: true, companyId: true }, orderBy: { createdAt: 'asc' } });
  const result: RefreshPlatformCertificatesResult = { checked: 0, added: 0, failed: 0, expiring: 0 };
  for (const channel of channels) {
    try {
      const outcome = await refreshChannel(channel, now);
      if (!outcome) continue;
      result.checked++;
      result.added += outcome.added;
      if (outcome.expiring) result.expiring++;
    } catch (error) {
      result.checked++;
      result.failed++;
      logger().warn({ err: error, paymentId: channel.id }, 'WeChat Pay platform certificate refresh failed');
    }
  }
  return result;
}
