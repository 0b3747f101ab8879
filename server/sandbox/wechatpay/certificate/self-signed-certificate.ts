// Builds an X.509 v3 certificate for an RSA key, signed sha256WithRSAEncryption with that same key
// (self-signed, whatever issuer name it carries): the simulator's WeChat Pay platform certificate.
import { createPrivateKey, createPublicKey, createSign, X509Certificate } from 'node:crypto';
import {
  bitString,
  booleanValue,
  explicit,
  nullValue,
  objectIdentifier,
  octetString,
  printableString,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
  utf8String,
} from './der-encoder';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const ATTRIBUTE_OIDS = { C: '2.5.4.6', ST: '2.5.4.8', L: '2.5.4.7', O: '2.5.4.10', OU: '2.5.4.11', CN: '2.5.4.3' } as const;
const BASIC_CONSTRAINTS = '2.5.29.19';
const KEY_USAGE = '2.5.29.15';

export type DistinguishedName = ReadonlyArray<readonly [keyof typeof ATTRIBUTE_OIDS, string]>;

export interface CertificateOptions {
  privateKeyPem: string;
  /** Unsigned big-endian serial, as upper-case hex. */
  serialHex: string;
  issuer: DistinguishedName;
  subject: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
}

function name(attributes: DistinguishedName): Buffer {
  return sequence(
    ...attributes.map(([type, value]) =>
      // Country is a PrintableString by RFC 5280; the rest UTF8String, so Chinese names work too.
      set(sequence(objectIdentifier(ATTRIBUTE_OIDS[type]), type === 'C' ? printableString(value) : utf8String(value))),
    ),
  );
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return sequence(objectIdentifier(oid), booleanValue(critical), octetString(value));
}

const signatureAlgorithm = () => sequence(objectIdentifier(SHA256_WITH_RSA), nullValue());

/** The certificate, as node's X509Certificate (its toString() is the PEM). */
export function buildSelfSignedCertificate(options: CertificateOptions): X509Certificate {
  const privateKey = createPrivateKey(options.privateKeyPem);
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  // keyUsage: digitalSignature, nonRepudiation, keyEncipherment (bits 0-2), as WeChat's platform certificates.
  const keyUsage = bitString(Buffer.from([0b11100000]), 5);
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(Buffer.from(options.serialHex, 'hex')),
    signatureAlgorithm(),
    name(options.issuer),
    sequence(time(options.notBefore), time(options.notAfter)),
    name(options.subject),
    spki,
    explicit(3, sequence(extension(BASIC_CONSTRAINTS, false, sequence()), extension(KEY_USAGE, true, keyUsage))),
  );
  const signature = createSign('RSA-SHA256').update(tbs).sign(privateKey);
  return new X509Certificate(sequence(tbs, signatureAlgorithm(), bitString(signature)));
}
