import { generateKeyPairSync, randomInt } from 'node:crypto';
import { db } from '@/server/db/client';
import type { Channel } from '@/server/db/generated/client';
import { open, seal } from '@/server/security/secret-box';

export interface SandboxIdentity {
  channel: Channel;
  publicKeyPem: string;
  publicKeyId: string;
  privateKeyPem: string;
  /** WeChat Pay platform-certificate mode: the certificate of this key, once made (see wechatpay/platform-certificate). */
  certificatePem: string | null;
  certificateSerial: string | null;
}

const aad = (channel: Channel) => `SandboxIdentity:${channel}`;

/**
 * Identities read in full: a row never changes once complete (WeChat Pay's gets its certificate
 * once, the others have none), so every signature of the simulator need not read and open it again.
 */
const complete = new Map<Channel, SandboxIdentity>();

/**
 * The simulator's own signing key for a channel, as a real channel has its own: created once per
 * database, shared by every server instance (never kept only in memory).
 */
export async function sandboxIdentity(channel: Channel): Promise<SandboxIdentity> {
  const known = complete.get(channel);
  if (known) return known;
  let row = await db().sandboxIdentity.findUnique({ where: { channel } });
  if (!row) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    await db().sandboxIdentity.createMany({
      data: {
        channel,
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        publicKeyId: `PUB_KEY_ID_011900000000${day}${String(randomInt(1e9)).padStart(14, '0')}`,
        privateSealed: seal(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), aad(channel)),
      },
      skipDuplicates: true,
    });
    row = await db().sandboxIdentity.findUniqueOrThrow({ where: { channel } });
  }
  const identity = {
    channel,
    publicKeyPem: row.publicKeyPem,
    publicKeyId: row.publicKeyId,
    privateKeyPem: open(row.privateSealed, aad(channel)),
    certificatePem: row.certificatePem,
    certificateSerial: row.certificateSerial,
  };
  if (channel !== 'WECHATPAY' || identity.certificatePem) complete.set(channel, identity);
  return identity;
}
