// Builds X.509 v3 certificates for RSA keys, signed sha256WithRSAEncryption: self-signed ones (the
// simulator's WeChat Pay platform certificate) and ones issued by a CA key (the Alipay simulator's
// root, intermediate, Alipay and app certificates).
import { createPrivateKey, createPublicKey, createSign, X509Certificate, type KeyObject } from 'node:crypto';
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
// keyUsage bits, first bit = digitalSignature (RFC 5280 4.2.1.3).
const LEAF_KEY_USAGE = bitString(Buffer.from([0b11100000]), 5); // digitalSignature, nonRepudiation, keyEncipherment
const CA_KEY_USAGE = bitString(Buffer.from([0b00000110]), 1); // keyCertSign, cRLSign

export type DistinguishedName = ReadonlyArray<readonly [keyof typeof ATTRIBUTE_OIDS, string]>;

export interface CertificateOptions {
  /** The key the certificate is for, which also signs it. */
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

export interface IssueOptions extends Omit<CertificateOptions, 'privateKeyPem'> {
  subjectPublicKey: KeyObject;
  /** The issuer's (CA's) private key, which signs. */
  issuerPrivateKeyPem: string;
  /** A CA certificate (basicConstraints CA:TRUE, keyCertSign) rather than an end entity's. */
  ca?: boolean;
}

/** A certificate for `subjectPublicKey` signed by the issuer's key, as node's X509Certificate (its toString() is the PEM). */
export function issueCertificate(options: IssueOptions): X509Certificate {
  const spki = options.subjectPublicKey.export({ type: 'spki', format: 'der' });
  const basicConstraints = options.ca ? sequence(booleanValue(true)) : sequence();
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(Buffer.from(options.serialHex, 'hex')),
    signatureAlgorithm(),
    name(options.issuer),
    sequence(time(options.notBefore), time(options.notAfter)),
    name(options.subject),
    spki,
    explicit(3, sequence(extension(BASIC_CONSTRAINTS, !!options.ca, basicConstraints), extension(KEY_USAGE, true, options.ca ? CA_KEY_USAGE : LEAF_KEY_USAGE))),
  );
  const signature = createSign('RSA-SHA256').update(tbs).sign(options.issuerPrivateKeyPem);
  return new X509Certificate(sequence(tbs, signatureAlgorithm(), bitString(signature)));
}

/** A certificate for the key of `privateKeyPem`, signed with that same key (whatever issuer name it carries). */
export function buildSelfSignedCertificate(options: CertificateOptions): X509Certificate {
  const { privateKeyPem, ...names } = options;
  return issueCertificate({ ...names, subjectPublicKey: createPublicKey(createPrivateKey(privateKeyPem)), issuerPrivateKeyPem: privateKeyPem });
}
