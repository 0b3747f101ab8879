import { createPublicKey, X509Certificate } from 'node:crypto';
import { env } from '@/server/config/env';
import { db } from '@/server/db/client';
import type { PaymentChannel, Prisma, TrustedCertificate } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { accountEndpoint } from '@/server/gateway/endpoints';
import type { ChannelAccount } from '@/server/gateway/types';
import { boundedCache } from '@/server/lib/bounded-cache';
import { openCredentials } from './sealed-credentials';

/**
 * Opened accounts, one per payment channel (so never shared between channels, let alone tenants).
 * Opening (decrypting the credentials, parsing every trusted key) costs more than the row's read,
 * and the channel SDKs keep one client per account object: both are redone only when what the
 * account is made of changes (new credentials, a key added, revoked or expired).
 */
const opened = boundedCache<ChannelAccount>({ maxEntries: 1_000 });

/** The keys of a channel's whitelist that are neither revoked nor expired, newest first: include it with the channel's row. */
export function trustedKeysInclude(now: Date) {
  return {
    trusted: { where: { revokedAt: null, OR: [{ validTo: null }, { validTo: { gt: now } }] }, orderBy: { createdAt: 'desc' } },
  } satisfies Prisma.PaymentChannelInclude;
}

/** A payment channel's row as read with `trustedKeysInclude`. */
export type ChannelAccountRow = PaymentChannel & { trusted: TrustedCertificate[] };

/**
 * The account of a channel row just read, for calls through its plugin: credentials opened, the
 * channel's API endpoint, the trusted keys parsed. Read the row on every call, so that a change made
 * by any instance is used by the very next call; the account is frozen, being shared by every call
 * until then.
 */
export function openChannelAccount(row: ChannelAccountRow): ChannelAccount {
  const source = JSON.stringify([row.channel, row.mode, row.credentialsSealed, row.trusted.map((entry) => [entry.id, entry.kind, entry.serial, entry.pem])]);
  return opened.get(row.id, source, () => {
    const credentials = openCredentials(row);
    return Object.freeze({
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
    });
  });
}

/** A payment channel's account, read (one statement) and opened. */
export async function loadChannelAccount(paymentId: string, now = new Date()): Promise<ChannelAccount> {
  const row = await db().paymentChannel.findUnique({ where: { id: paymentId }, include: trustedKeysInclude(now) });
  if (!row) throw new AppError('NOT_FOUND');
  return openChannelAccount(row);
}
