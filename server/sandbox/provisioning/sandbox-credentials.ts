// Credentials for a channel activated in sandbox mode: fresh keys for the center's side, and the
// simulator's public key (the simulator signs as the channel would) where the channel has one.
import { generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import type { ChannelKind, CredentialsByChannel, CredentialsOf } from '@/server/gateway/credentials/types';
import { validateCredentials } from '@/server/gateway/credentials/validate-credentials';

export interface SandboxOptionsByChannel {
  ALIPAY: { channelPublicKeyPem: string };
  /** With a platform certificate the merchant is in platform-certificate mode and trusts only it; else public-key mode. */
  WECHATPAY: { channelPublicKeyPem: string; channelPublicKeyId?: string; platformCertificatePem?: string };
  EASYPAY: { gatewayUrl: string };
}

function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join('');
}

function rsaPrivateKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** 32 characters of [A-Za-z0-9_-]. */
function randomSecret(): string {
  return randomBytes(24).toString('base64url');
}

const generators: { [C in ChannelKind]: (options: SandboxOptionsByChannel[C]) => CredentialsByChannel[C] } = {
  ALIPAY: (options) => ({
    channel: 'ALIPAY',
    // Alipay's sandbox apps have ids of 16 digits starting 9021, partners 2088 + 12 digits.
    appId: `9021${digits(12)}`,
    sellerId: `2088${digits(12)}`,
    privateKey: rsaPrivateKeyPem(),
    signMode: 'PUBLIC_KEY',
    alipayPublicKey: options.channelPublicKeyPem,
  }),
  WECHATPAY: (options) => {
    const mchId = `16${digits(8)}`;
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    const merchant = {
      channel: 'WECHATPAY',
      mchId,
      appId: `wx${randomBytes(8).toString('hex')}`,
      privateKey: rsaPrivateKeyPem(),
      merchantCertSerial: randomBytes(20).toString('hex').toUpperCase(),
      apiV3Key: randomSecret(),
      // The appid doubles as an official account's, so the checkout can pay inside (simulated) WeChat.
      appSecret: randomBytes(16).toString('hex'),
    } as const;
    if (options.platformCertificatePem) return { ...merchant, verifyMode: 'PLATFORM_CERT', platformCertificates: [options.platformCertificatePem] };
    return {
      ...merchant,
      verifyMode: 'PUBLIC_KEY',
      publicKey: options.channelPublicKeyPem,
      // Real ids read PUB_KEY_ID_01 + mchid + yyyymmdd + 14 digits.
      publicKeyId: options.channelPublicKeyId ?? `PUB_KEY_ID_01${mchId}${day}${digits(14)}`,
    };
  },
  EASYPAY: (options) => ({ channel: 'EASYPAY', gatewayUrl: options.gatewayUrl, pid: String(randomInt(1000, 100000)), key: randomSecret() }),
};

/** Complete sandbox credentials of `channel`, validated (and normalised) like any others. */
export function generateSandboxCredentials<C extends ChannelKind>(channel: C, options: SandboxOptionsByChannel[C]): CredentialsOf<C> {
  return validateCredentials(channel, generators[channel](options));
}
