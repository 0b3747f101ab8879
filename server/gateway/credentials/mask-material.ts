// How keys and certificates are shown to staff: enough to tell them apart and see whether one
// changed, never enough to use or guess them.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { keyFingerprint, parseCertificates, sha256Hex } from './crypto-material';

/**
 * A secret shown only as set, with a fingerprint so staff can tell whether it changed: for a private
 * key that of its public half (`SHA256:` + 16 hex), for a symmetric key 8 hex of its sha256 (no more,
 * as a longer digest of a short key would help guess it).
 */
export interface MaskedSecret {
  set: true;
  fingerprint: string;
}

export interface CertificateSummary {
  subject: string;
  serial: string;
  validTo: string;
}

export function maskKey(privateKeyPem: string): MaskedSecret {
  return { set: true, fingerprint: keyFingerprint(createPrivateKey(privateKeyPem)) };
}

export function maskSecret(secret: string): MaskedSecret {
  return { set: true, fingerprint: `SHA256:${sha256Hex(secret).slice(0, 8)}` };
}

/** A channel's public key, not secret, shown by fingerprint only. */
export function maskPublicKey(publicKeyPem: string): { fingerprint: string } {
  return { fingerprint: keyFingerprint(createPublicKey(publicKeyPem)) };
}

export function summarise(certificate: X509Certificate): CertificateSummary {
  return { subject: certificate.subject.split('\n').join(', '), serial: certificate.serialNumber, validTo: new Date(certificate.validTo).toISOString() };
}

export function summariseAll(pem: string): CertificateSummary[] {
  return parseCertificates(pem).map(summarise);
}
