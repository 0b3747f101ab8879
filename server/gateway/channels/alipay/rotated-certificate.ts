// Alipay renews its public-key certificate now and then; from then on its answers are signed by a
// certificate the merchant does not hold yet, named by `alipay_cert_sn`. As the official SDKs (Java,
// .NET, PHP) do: download that certificate (alipay.open.app.alipaycert.download), trust it only if it
// chains up to the merchant's own Alipay root bundle (the download itself is not signed), and verify the
// answer with it. It also goes on the channel's whitelist (source DOWNLOADED), so the notifications
// Alipay signs with it verify too, and every instance knows it from the next call on.
import { X509Certificate } from 'node:crypto';
import { AlipayRequestError, type AlipaySdk } from 'alipay-sdk';
import { db } from '@/server/db/client';
import { recordTrustedMaterial } from '@/server/gateway/accounts/record-trusted-material';
import { ChannelError } from '@/server/gateway/channel-error';
import { chainsToRoot } from '@/server/gateway/credentials/certificate-chain';
import { CredentialProblem } from '@/server/gateway/credentials/crypto-material';
import { describeTrustedPem, type TrustedMaterial } from '@/server/gateway/credentials/trusted-material';
import type { ChannelAccount } from '@/server/gateway/types';
import type { AlipayCertCredentials } from './credentials';
import { alipayError, invalidAnswer, transportError } from './error-map';
import { alipayResponseCertSn, verifyAlipayResponse } from './response-signature';

const DOWNLOAD = 'alipay.open.app.alipaycert.download';

function untrusted(channelMessage: string): ChannelError {
  return new ChannelError({ channelCode: 'ALIPAY_CERT_UNTRUSTED', channelMessage, retryable: false });
}

/** The raw answer of an SDK call whose signature did not verify with the certificate it was configured with. */
export function unverifiedAnswer(error: unknown): string | undefined {
  return error instanceof AlipayRequestError && error.message.includes('验签失败') ? error.responseDataRaw : undefined;
}

async function download(client: AlipaySdk, sn: string): Promise<string> {
  // validateSign off: Alipay does not sign this answer; the chain check below is what trusts the certificate.
  let answer: { code?: string; alipay_cert_content?: unknown };
  try {
    answer = await client.exec(DOWNLOAD, { bizContent: { alipay_cert_sn: sn } }, { validateSign: false });
  } catch (error) {
    throw transportError(error);
  }
  if (answer.code !== '10000') throw alipayError(answer, answer);
  if (typeof answer.alipay_cert_content !== 'string') throw invalidAnswer('Alipay answered the certificate download without alipay_cert_content', answer);
  return Buffer.from(answer.alipay_cert_content, 'base64').toString('utf8');
}

function trustedMaterial(pem: string, sn: string, credentials: AlipayCertCredentials, now: Date): TrustedMaterial {
  let material: TrustedMaterial;
  try {
    if (!chainsToRoot(pem, credentials.alipayRootCert, now)) throw untrusted(`The downloaded Alipay certificate ${sn} does not chain to the channel's Alipay root certificates`);
    material = describeTrustedPem(pem, { channel: 'ALIPAY', now });
  } catch (error) {
    if (error instanceof CredentialProblem) throw untrusted(`The downloaded Alipay certificate ${sn} is unusable: ${error.message}`);
    throw error;
  }
  if (material.serial !== sn) throw untrusted(`Alipay sent certificate ${material.serial} for ${sn}`);
  return material;
}

/**
 * The payload of an answer the SDK could not verify, verified instead with the whitelisted or
 * downloaded certificate its alipay_cert_sn names; null when there is nothing to learn (no SN, or
 * the named certificate is whitelisted yet the answer still does not verify: a forgery).
 */
export async function verifyWithNamedCertificate(options: {
  account: ChannelAccount;
  credentials: AlipayCertCredentials;
  client: AlipaySdk;
  method: string;
  rawBody: string;
  now?: Date;
}): Promise<Record<string, unknown> | null> {
  const { account, method, rawBody, now = new Date() } = options;
  const sn = alipayResponseCertSn(rawBody);
  if (!sn) return null;
  let key = account.trustedKeys.find((entry) => entry.serial === sn)?.key;
  if (!key) {
    const material = trustedMaterial(await download(options.client, sn), sn, options.credentials, now);
    const channel = await db().paymentChannel.findUniqueOrThrow({ where: { id: account.paymentId }, select: { id: true, companyId: true } });
    await db().$transaction((tx) => recordTrustedMaterial(tx, channel, [material], 'DOWNLOADED'));
    key = new X509Certificate(material.pem).publicKey;
  }
  const verified = verifyAlipayResponse(rawBody, method, [key]);
  return verified.ok ? (verified.payload as Record<string, unknown>) : null;
}
