// The simulators' side of the backend's sandbox provisioner port: credentials whose channel keys are
// the simulator's own, and the simulator's record of each sandbox merchant.
import { env } from '@/server/config/env';
import type { Tx } from '@/server/db/client';
import type { SandboxProvisioner, SplitReceiverBinding } from '@/server/backend/channels/sandbox-provisioner';
import { validateCredentials } from '@/server/gateway/credentials/validate-credentials';
import { simulatorEndpoint } from '@/server/gateway/endpoints';
import { issueAlipayCertificates } from '@/server/sandbox/alipay/certificates/alipay-certificate-authority';
import { bindAlipayReceiver } from '@/server/sandbox/alipay/royalty/relations';
import { sellerIdOf } from '@/server/sandbox/alipay/trade-ids';
import { publicHalf, registerSandboxAccount } from '@/server/sandbox/register-sandbox-account';
import { sandboxIdentity } from '@/server/sandbox/sandbox-identity';
import { bindWechatpayReceiver } from '@/server/sandbox/wechatpay/profit-sharing/receivers';
import { sandboxPlatformCertificate } from '@/server/sandbox/wechatpay/platform-certificate';
import { generateSandboxCredentials } from './sandbox-credentials';

/** Binds at the simulator of the payment channel's own channel (splitting channels only). */
async function bindSplitReceiver(tx: Tx, paymentChannelId: string, receiver: SplitReceiverBinding): Promise<void> {
  const { channel } = await tx.sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId } });
  const bind = channel === 'ALIPAY' ? bindAlipayReceiver : bindWechatpayReceiver;
  await bind(tx, paymentChannelId, receiver);
}

export const simulatorProvisioner: SandboxProvisioner = {
  async credentials({ channel, wechatVerifyMode, alipaySignMode }) {
    if (channel === 'EASYPAY') return generateSandboxCredentials('EASYPAY', { gatewayUrl: simulatorEndpoint('EASYPAY', env().PAYCENTER_BASE_URL) });
    const identity = await sandboxIdentity(channel);
    if (channel === 'ALIPAY') {
      const generated = generateSandboxCredentials('ALIPAY', { channelPublicKeyPem: identity.publicKeyPem });
      // The simulator assigns the seller (PID) of an app, as Alipay does; its notifies carry it.
      const credentials = { ...generated, sellerId: sellerIdOf(generated.appId) };
      if (alipaySignMode === 'PUBLIC_KEY') return credentials;
      // Certificate mode: the simulator's CA issues the app certificate for the app's public key (never seeing its private key).
      const certificates = await issueAlipayCertificates({ appId: credentials.appId, appPublicKeyPem: publicHalf(credentials.privateKey) });
      return validateCredentials('ALIPAY', { ...credentials, signMode: 'CERT', ...certificates });
    }
    // In platform-certificate mode the merchant trusts the simulator's certificate (the same key) instead.
    const platformCertificatePem = wechatVerifyMode === 'PLATFORM_CERT' ? (await sandboxPlatformCertificate()).pem : undefined;
    return generateSandboxCredentials('WECHATPAY', { channelPublicKeyPem: identity.publicKeyPem, channelPublicKeyId: identity.publicKeyId, platformCertificatePem });
  },
  register: registerSandboxAccount,
  bindSplitReceiver,
};
