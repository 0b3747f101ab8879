import { createPublicKey, X509Certificate } from 'node:crypto';
import { env } from '@/server/config/env';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { accountEndpoint } from '@/server/gateway/endpoints';
import type { ChannelAccount } from '@/server/gateway/types';
import { openCredentials } from './sealed-credentials';

/**
 * A payment channel as a call through its plugin needs it, in one step: credentials opened, the
 * channel's API endpoint, and the keys of its whitelist that are neither revoked nor expired,
 * newest first.
 */
export async function loadChannelAccount(paymentId: string, now = new Date()): Promise<ChannelAccount> {
  const row = await db().paymentChannel.findUnique({
    where: { id: paymentId },
    include: { trusted: { where: { revokedAt: null, OR: [{ validTo: null }, { validTo: { gt: now } }] }, orderBy: { createdAt: 'desc' } } },
  });
  if (!row) throw new AppError('NOT_FOUND');
  const credentials = openCredentials(row);
  return {
    paymentId: row.id,
    channel: row.channel,
    mode: row.mode,
    credentials,
    endpoint: accountEndpoint(credentials, row.mode, env().PAYCENTER_BASE_URL),
    trustedKeys: row.trusted.map((entry) =>
      entry.kind === 'CERTIFICATE'
        ? { serial: entry.serial, key: new X509Certificate(entry.pem).publicKey, certificatePem: entry.pem }
        : { serial: entry.serial, key: createPublicKey(entry.pem), certificatePem: null },
    ),
  };
}
