import { db } from '@/server/db/client';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { downloadPlatformCertificates } from '@/server/gateway/channels/wechatpay';
import { describeTrustedPem, type TrustedMaterial } from '@/server/gateway/credentials/trusted-material';
import { logger } from '@/server/logging/logger';
import { recordTrustedMaterial } from '@/server/gateway/accounts/record-trusted-material';

export interface RefreshPlatformCertificatesResult {
  /** PLATFORM_CERT channels asked. */
  checked: number;
  /** Certificates newly put on whitelists. */
  added: number;
  failed: number;
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

async function refreshChannel(channel: ChannelRow, now: Date): Promise<{ added: number } | null> {
  const account = await loadChannelAccount(channel.id, now);
  if (account.credentials.channel !== 'WECHATPAY' || account.credentials.verifyMode !== 'PLATFORM_CERT') return null;
  const material = materialOf(channel.id, await downloadPlatformCertificates(account), now);
  const added = material.length > 0 ? await db().$transaction((tx) => recordTrustedMaterial(tx, channel, material, 'DOWNLOADED')) : 0;
  return { added };
}

/**
 * Downloads the WeChat Pay platform certificates of every enabled WeChat Pay channel in platform
 * certificate mode and adds new ones to its whitelist (source DOWNLOADED), so callbacks signed with a
 * rotated certificate keep verifying. One channel's failure (unreachable, bad answer) stops no other.
 * Certificates about to expire without a successor are the monitoring job's CERTIFICATE_EXPIRING rule.
 */
export async function refreshPlatformCertificates(options: { now?: Date } = {}): Promise<RefreshPlatformCertificatesResult> {
  const now = options.now ?? new Date();
  const channels = await db().paymentChannel.findMany({ where: { channel: 'WECHATPAY', status: 'ENABLED' }, select: { id: true, companyId: true }, orderBy: { createdAt: 'asc' } });
  const result: RefreshPlatformCertificatesResult = { checked: 0, added: 0, failed: 0 };
  for (const channel of channels) {
    try {
      const outcome = await refreshChannel(channel, now);
      if (!outcome) continue;
      result.checked++;
      result.added += outcome.added;
    } catch (error) {
      result.checked++;
      result.failed++;
      logger().warn({ err: error, paymentId: channel.id }, 'WeChat Pay platform certificate refresh failed');
    }
  }
  return result;
}
