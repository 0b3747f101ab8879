// Alipay's certificate serial numbers (app_cert_sn, alipay_cert_sn, alipay_root_cert_sn), computed
// as the official SDKs do: md5 of the issuer written CN first (`CN=..,OU=..,O=..,C=..`, the DER order
// reversed, raw values) followed by the serial number in decimal.
import { createHash, X509Certificate } from 'node:crypto';
import { CredentialProblem, parseCertificates } from './crypto-material';
import { readCertificateFields } from './der';

const RSA_SIGNATURE_OID_PREFIX = '1.2.840.113549.1.1';

function snOf(certificate: X509Certificate): string {
  const { issuer } = readCertificateFields(certificate.raw);
  const issuerString = issuer
    .toReversed()
    .map(({ name, value }) => `${name}=${value}`)
    .join(',');
  const serialDecimal = BigInt(`0x${certificate.serialNumber}`).toString(10);
  return createHash('md5').update(issuerString + serialDecimal, 'utf8').digest('hex');
}

/** SN of a certificate; for a chain (alipayCertPublicKey_RSA2.crt may carry its intermediate) the first one's. */
export function alipayCertSn(pem: string | X509Certificate): string {
  const [leaf] = typeof pem === 'string' ? parseCertificates(pem) : [pem];
  if (!leaf) throw new CredentialProblem('is not a PEM certificate');
  return snOf(leaf);
}

/** SN of the root bundle: the SNs of its RSA-signed certificates, in bundle order, joined by `_`. */
export function alipayRootCertSn(bundlePem: string): string {
  const sns = parseCertificates(bundlePem)
    .filter((certificate) => readCertificateFields(certificate.raw).signatureAlgorithmOid.startsWith(RSA_SIGNATURE_OID_PREFIX))
    .map(snOf);
  if (sns.length === 0) throw new CredentialProblem('contains no RSA certificate; paste Alipay\'s root certificate bundle (alipayRootCert.crt)');
  return sns.join('_');
}
