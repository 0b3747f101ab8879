// The certificate whitelist: which certificates and public keys a channel's callbacks and responses
// may be signed with, each under the serial the channel names it by (Alipay's alipay_cert_sn,
// WeChat's Wechatpay-Serial), so the verifier looks the signer up instead of trying keys.
import type { KeyObject, X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@/server/errors/app-error';
import { alipayCertSn } from './alipay-cert-sn';
import {
  CredentialProblem,
  parseCertificates,
  parseRsaPublicKey,
  requireCurrent,
  requireRsaCertificate,
  sha256Hex,
  spkiDer,
  spkiPem,
} from './crypto-material';
import type { ChannelKind, CredentialsOf } from './types';

export interface TrustedMaterial {
  kind: 'CERTIFICATE' | 'PUBLIC_KEY';
  /** How the channel names the signer: Alipay cert SN, WeChat certificate serial or public key id, else the fingerprint. */
  serial: string;
  subject: string | null;
  issuer: string | null;
  validFrom: Date | null;
  validTo: Date | null;
  pem: string;
  /** sha256 hex of the certificate DER or of the public key's SPKI DER. */
  fingerprint: string;
}

function oneLine(name: string): string {
  return name.split('\n').join(', ');
}

function fromCertificate(certificate: X509Certificate, serial: string): TrustedMaterial {
  return {
    kind: 'CERTIFICATE',
    serial,
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    validFrom: new Date(certificate.validFrom),
    validTo: new Date(certificate.validTo),
    pem: certificate.toString(),
    fingerprint: sha256Hex(certificate.raw),
  };
}

function fromPublicKey(key: KeyObject, serial?: string): TrustedMaterial {
  const fingerprint = sha256Hex(spkiDer(key));
  return { kind: 'PUBLIC_KEY', serial: serial ?? fingerprint, subject: null, issuer: null, validFrom: null, validTo: null, pem: spkiPem(key), fingerprint };
}

function leafOf(pem: string): X509Certificate {
  const [leaf] = parseCertificates(pem);
  if (!leaf) throw new CredentialProblem('is not a PEM certificate');
  return leaf;
}

const INVALID_KEY = 'not a valid RSA public key';

function materialOf(credentials: CredentialsOf<ChannelKind>): TrustedMaterial[] {
  switch (credentials.channel) {
    case 'ALIPAY':
      if (credentials.signMode === 'PUBLIC_KEY') return [fromPublicKey(parseRsaPublicKey(credentials.alipayPublicKey, INVALID_KEY))];
      return [fromCertificate(leafOf(credentials.alipayPublicCert), alipayCertSn(credentials.alipayPublicCert))];
    case 'WECHATPAY':
      return [
        ...(credentials.platformCertificates ?? []).map((pem) => {
          const certificate = leafOf(pem);
          return fromCertificate(certificate, certificate.serialNumber);
        }),
        ...(credentials.publicKey && credentials.publicKeyId ? [fromPublicKey(parseRsaPublicKey(credentials.publicKey, INVALID_KEY), credentials.publicKeyId)] : []),
      ];
    case 'EASYPAY':
      // A shared MD5 key: nothing to whitelist.
      return [];
  }
}

/** Whitelist entries implied by validated credentials; certificates already expired at `now` are left out. */
export function trustedMaterialOf<C extends ChannelKind>(channel: C, credentials: CredentialsOf<C>, now: Date = new Date()): TrustedMaterial[] {
  if (credentials.channel !== channel) throw new AppError('INTERNAL_ERROR', `Credentials of ${credentials.channel} given as ${channel}`);
  return materialOf(credentials).filter((entry) => !entry.validTo || entry.validTo >= now);
}

export interface DescribeTrustedPemOptions {
  channel: ChannelKind;
  /** Required for a WeChat Pay public key: the id WeChat sends in Wechatpay-Serial. */
  publicKeyId?: string;
  now?: Date;
}

const publicKeyIdSchema = z.string().trim().regex(/^PUB_KEY_ID_[0-9A-Za-z_]+$/);

/**
 * A PEM pasted into the whitelist page, as a whitelist entry. A certificate chain counts as its
 * first (leaf) certificate. Errors name the form fields `pem` and `publicKeyId`.
 */
export function describeTrustedPem(pem: string, options: DescribeTrustedPemOptions): TrustedMaterial {
  const { channel, now = new Date() } = options;
  if (channel === 'EASYPAY') throw AppError.invalidFields({ pem: 'EasyPay signs with a shared MD5 key; it has no certificate or public key to trust' });
  try {
    if (pem.includes('-----BEGIN CERTIFICATE-----')) {
      const leaf = requireRsaCertificate(leafOf(pem));
      requireCurrent(leaf, now);
      return fromCertificate(leaf, channel === 'ALIPAY' ? alipayCertSn(leaf) : leaf.serialNumber);
    }
    const key = parseRsaPublicKey(pem.trim(), 'is neither a certificate nor a public key (expected -----BEGIN CERTIFICATE----- or -----BEGIN PUBLIC KEY-----)');
    if (channel === 'ALIPAY') return fromPublicKey(key);
    const publicKeyId = publicKeyIdSchema.safeParse(options.publicKeyId ?? '');
    if (!publicKeyId.success) throw AppError.invalidFields({ publicKeyId: 'required for a WeChat Pay public key: its ID, such as PUB_KEY_ID_0114...' });
    return fromPublicKey(key, publicKeyId.data);
  } catch (error) {
    if (error instanceof CredentialProblem) throw AppError.invalidFields({ pem: error.message });
    throw error;
  }
}
