// Parsing and normalising keys and certificates with node:crypto. Failures are CredentialProblems
// whose message is shown to the user next to the field, so they say what is wrong in plain words
// and never echo the material itself.
import { createHash, createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';

export class CredentialProblem extends Error {}

const MIN_RSA_BITS = 2048;
const BARE_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const CERTIFICATE_PEM = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

function isPem(text: string): boolean {
  return text.includes('-----BEGIN ');
}

/** Bare base64 bodies (what Alipay's key tool outputs) without their line breaks, or null. */
function bareDer(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  return BARE_BASE64.test(compact) ? Buffer.from(compact, 'base64') : null;
}

function requireRsa(key: KeyObject, label: string): KeyObject {
  if (key.asymmetricKeyType !== 'rsa') {
    throw new CredentialProblem(`is ${key.asymmetricKeyType === 'ec' ? 'an EC' : `a ${key.asymmetricKeyType ?? 'non-RSA'}`} ${label}; an RSA key is required`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) throw new CredentialProblem(`is a ${bits}-bit RSA ${label}; at least ${MIN_RSA_BITS} bits are required`);
  return key;
}

function firstParsed(attempts: Array<() => KeyObject>): KeyObject | null {
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch {
      // try the next format
    }
  }
  return null;
}

/** An RSA private key from PEM (PKCS#8 or PKCS#1) or a bare base64 PKCS#8/PKCS#1 body. */
export function parseRsaPrivateKey(text: string, invalidMessage: string): KeyObject {
  // OpenSSL reports a missing passphrase only as "interrupted or cancelled": tell it from the PEM.
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(text)) {
    throw new CredentialProblem('is encrypted with a passphrase; paste the unencrypted key');
  }
  const der = isPem(text) ? null : bareDer(text);
  const key = isPem(text)
    ? firstParsed([() => createPrivateKey(text)])
    : der && firstParsed([() => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), () => createPrivateKey({ key: der, format: 'der', type: 'pkcs1' })]);
  if (!key) throw new CredentialProblem(invalidMessage);
  return requireRsa(key, 'private key');
}

/** An RSA public key from PEM (SPKI or PKCS#1) or a bare base64 SPKI/PKCS#1 body. */
export function parseRsaPublicKey(text: string, invalidMessage: string): KeyObject {
  // createPublicKey() happily derives a public key from a private one: refuse a misplaced secret.
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) throw new CredentialProblem('is a private key; paste the public key here');
  if (text.includes('-----BEGIN CERTIFICATE-----')) throw new CredentialProblem('is a certificate; paste the public key here');
  const der = isPem(text) ? null : bareDer(text);
  const key = isPem(text)
    ? firstParsed([() => createPublicKey(text)])
    : der && firstParsed([() => createPublicKey({ key: der, format: 'der', type: 'spki' }), () => createPublicKey({ key: der, format: 'der', type: 'pkcs1' })]);
  if (!key) throw new CredentialProblem(invalidMessage);
  return requireRsa(key, 'public key');
}

/** Every certificate of a PEM text, in order; at least one. */
export function parseCertificates(text: string): X509Certificate[] {
  const blocks = text.match(CERTIFICATE_PEM);
  if (!blocks) throw new CredentialProblem('is not a PEM certificate (expected -----BEGIN CERTIFICATE-----)');
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch {
      throw new CredentialProblem(blocks.length > 1 ? `certificate #${index + 1} does not parse` : 'is not a valid certificate (the PEM does not parse)');
    }
  });
}

export function requireRsaCertificate(certificate: X509Certificate): X509Certificate {
  let key: KeyObject;
  try {
    key = certificate.publicKey;
  } catch {
    throw new CredentialProblem('holds a key node:crypto cannot read (SM2?); an RSA certificate is required');
  }
  requireRsa(key, 'certificate key');
  return certificate;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Refuses a certificate outside its validity period at `now`. */
export function requireCurrent(certificate: X509Certificate, now: Date): void {
  const validFrom = new Date(certificate.validFrom);
  const validTo = new Date(certificate.validTo);
  if (now > validTo) throw new CredentialProblem(`certificate ${certificate.serialNumber} expired on ${isoDate(validTo)}`);
  if (now < validFrom) throw new CredentialProblem(`certificate ${certificate.serialNumber} is not valid before ${isoDate(validFrom)}`);
}

export function spkiDer(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

export function sameKey(a: KeyObject, b: KeyObject): boolean {
  return spkiDer(a).equals(spkiDer(b));
}

export function pkcs8Pem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function spkiPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

export function certificatesPem(certificates: X509Certificate[]): string {
  return certificates.map((certificate) => certificate.toString()).join('');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Display fingerprint of a key pair: safe to show, identifies the key. */
export function keyFingerprint(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return `SHA256:${sha256Hex(spkiDer(publicKey)).slice(0, 16)}`;
}
