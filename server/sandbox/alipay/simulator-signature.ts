// Everything the simulator sends is signed RSA2, as Alipay signs: for an app in public key mode with the
// simulator's own key (sandboxIdentity), for an app in certificate mode with the key of Alipay's current
// certificate, whose SN (alipay_cert_sn) goes along so the merchant knows which certificate to verify with.
import { createSign } from 'node:crypto';
import { db } from '@/server/db/client';
import { alipayNotifySignContent } from '@/server/gateway/channels/alipay/notify-signature';
import { sandboxIdentity } from '@/server/sandbox/sandbox-identity';
import { currentAlipayCertificate } from './certificates/alipay-certificate-authority';

export interface SimulatorSigner {
  /** alipay_cert_sn to send with the signature; null in public key mode. */
  certSn: string | null;
  sign(content: string): string;
}

function signerWith(privateKeyPem: string, certSn: string | null): SimulatorSigner {
  return { certSn, sign: (content) => createSign('RSA-SHA256').update(content, 'utf8').sign(privateKeyPem, 'base64') };
}

/** The signer for messages to an app (an unknown or missing app gets public key mode's). */
export async function simulatorSignerFor(appId: string | null | undefined): Promise<SimulatorSigner> {
  const account = appId ? await db().sandboxAccount.findUnique({ where: { channel_accountId: { channel: 'ALIPAY', accountId: appId } }, select: { appCertSn: true } }) : null;
  if (account?.appCertSn) {
    const certificate = await currentAlipayCertificate();
    return signerWith(certificate.privateKeyPem, certificate.sn);
  }
  return signerWith((await sandboxIdentity('ALIPAY')).privateKeyPem, null);
}

/** Notify and return parameters: signed over every non-empty parameter except sign and sign_type (alipay_cert_sn included). */
export async function signedParams(params: Record<string, string>): Promise<Record<string, string>> {
  const signer = await simulatorSignerFor(params.app_id);
  const sent = signer.certSn ? { ...params, alipay_cert_sn: signer.certSn } : params;
  return { ...sent, sign: signer.sign(alipayNotifySignContent(sent, { includeSignType: false })) };
}
