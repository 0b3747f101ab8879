import { X509Certificate } from 'node:crypto';
import type { ChannelAccount } from '@/server/gateway/types';
import { AeadError, decryptResource, type EncryptedResource } from './aead';
import { invalidResponse, wechatError, type WechatErrorBody } from './error-map';
import { headerOf, sameSerial, verifyWechatPaySignature, type TrustedKey } from './signature';
import { callWechatPay, requireSuccess, wechatPayCredentials } from './wechatpay-client';

export interface PlatformCertificate {
  serial: string;
  pem: string;
  validFrom: Date;
  validTo: Date;
}

interface CertificateEntry {
  serial_no?: unknown;
  encrypt_certificate?: EncryptedResource;
}

function decrypted(entry: CertificateEntry, apiV3Key: string): PlatformCertificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(decryptResource(entry.encrypt_certificate ?? {}, apiV3Key));
  } catch (error) {
    const why = error instanceof AeadError ? error.message : 'not a certificate';
    throw invalidResponse('CERTIFICATE_UNREADABLE', `A platform certificate could not be read: ${why}`);
  }
  if (typeof entry.serial_no !== 'string' || !sameSerial(certificate.serialNumber, entry.serial_no)) {
    throw invalidResponse('CERTIFICATE_UNREADABLE', 'A platform certificate does not carry the serial it is listed under');
  }
  return { serial: certificate.serialNumber, pem: certificate.toString(), validFrom: new Date(certificate.validFrom), validTo: new Date(certificate.validTo) };
}

/**
 * WeChat Pay's current platform certificates (GET /v3/certificates), each decrypted with the APIv3
 * key and parsed. The answer must be signed by a whitelisted key of its Wechatpay-Serial.
 *
 * Bootstrap: a PLATFORM_CERT merchant activated without certificates has nothing to verify the first
 * answer with. Then, and only while the whitelist holds no certificate at all, we accept the answer
 * if it is signed by the listed certificate of that serial. That is trust on first use, but not
 * blind: every certificate is sealed with AES-GCM under the APIv3 key, a secret only the merchant and
 * WeChat hold, so nobody else can forge one that decrypts (the same basis WeChat's own SDKs' automatic
 * certificate download relies on). Once one certificate is trusted, later answers must verify with it.
 */
export async function downloadPlatformCertificates(account: ChannelAccount): Promise<PlatformCertificate[]> {
  const credentials = wechatPayCredentials(account);
  const answer = await callWechatPay(account, (client) => client.signedGet('/v3/certificates'), { deferVerification: true });
  if (answer.status < 200 || answer.status >= 300) {
    const signed = verifyWechatPaySignature({ headers: answer.headers, body: answer.body, trustedKeys: account.trustedKeys }).ok;
    throw wechatError(answer.status, answer.data as WechatErrorBody | undefined, answer.data ?? answer.error, signed);
  }
  const serial = headerOf(answer.headers, 'Wechatpay-Serial') ?? '';
  const known = account.trustedKeys.some((entry) => sameSerial(entry.serial, serial));
  const bootstrap = !known && !account.trustedKeys.some((entry) => entry.certificatePem);
  if (!known && !bootstrap) throw invalidResponse('RESPONSE_SIGNATURE_INVALID', `The certificates were signed by ${serial || 'no serial'}, which is not on the whitelist`);
  if (known) assertSigned(answer.headers, answer.body, account.trustedKeys);

  const data = requireSuccess<{ data?: unknown }>(answer);
  if (!Array.isArray(data.data)) throw invalidResponse('WECHATPAY_BAD_ANSWER', 'WeChat Pay answered without a certificate list', data);
  const certificates = (data.data as CertificateEntry[]).map((entry) => decrypted(entry, credentials.apiV3Key));
  if (bootstrap) {
    const ownKeys: TrustedKey[] = certificates.map((certificate) => ({ serial: certificate.serial, key: new X509Certificate(certificate.pem).publicKey, certificatePem: certificate.pem }));
    assertSigned(answer.headers, answer.body, ownKeys);
  }
  return certificates;
}

function assertSigned(headers: Headers, body: string, trustedKeys: readonly TrustedKey[]): void {
  const check = verifyWechatPaySignature({ headers, body, trustedKeys });
  if (!check.ok) throw invalidResponse('RESPONSE_SIGNATURE_INVALID', `The certificates answer does not verify (${check.reason})`);
}
