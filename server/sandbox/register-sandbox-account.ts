import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { Tx } from '@/server/db/client';
import { alipayCertSn } from '@/server/gateway/credentials/alipay-cert-sn';
import type { ChannelCredentials } from '@/server/gateway/credentials/types';
import { seal } from '@/server/security/secret-box';

export function publicHalf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

export const sandboxSharedAad = (paymentChannelId: string) => `SandboxAccount:${paymentChannelId}:shared`;
export const sandboxAppSecretAad = (paymentChannelId: string) => `SandboxAccount:${paymentChannelId}:appSecret`;

/**
 * Registers a sandbox payment channel with the simulator, as a merchant registers with a channel:
 * the simulator learns the merchant's identifiers and public key (to verify the center's
 * signatures) and, where the protocol has one, the shared key — never the merchant's private key.
 */
export async function registerSandboxAccount(tx: Tx, paymentChannelId: string, credentials: ChannelCredentials): Promise<void> {
  const data = (() => {
    switch (credentials.channel) {
      case 'ALIPAY':
        return {
          accountId: credentials.appId,
          merchantPublicKeyPem: publicHalf(credentials.privateKey),
          // In certificate mode requests must name the app certificate the simulator issued.
          appCertSn: credentials.signMode === 'CERT' ? alipayCertSn(credentials.appCert) : null,
        };
      case 'WECHATPAY':
        return {
          accountId: credentials.mchId,
          appId: credentials.appId,
          merchantPublicKeyPem: publicHalf(credentials.privateKey),
          merchantSerial: credentials.merchantCertSerial,
          sharedSealed: seal(credentials.apiV3Key, sandboxSharedAad(paymentChannelId)),
          // The simulator signs under the serial this merchant trusts: its platform certificate's or its public key id.
          wechatVerifyMode: credentials.verifyMode,
          // The official account's AppSecret, which WeChat's web authorization checks.
          ...(credentials.appSecret ? { appSecretSealed: seal(credentials.appSecret, sandboxAppSecretAad(paymentChannelId)) } : {}),
        };
      case 'EASYPAY':
        return { accountId: credentials.pid, sharedSealed: seal(credentials.key, sandboxSharedAad(paymentChannelId)) };
    }
  })();
  await tx.sandboxAccount.create({ data: { paymentChannelId, channel: credentials.channel, ...data } });
}
