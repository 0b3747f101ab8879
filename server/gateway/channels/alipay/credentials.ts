// Alipay credentials: app private key plus either Alipay's public key or the three certificates.
// What they look like, how what a company enters is checked, and what the dashboard may see of them.
import { createPublicKey, type KeyObject, type X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { alipayRootCertSn } from '@/server/gateway/credentials/alipay-cert-sn';
import {
  certificatesPem,
  parseCertificates,
  parseRsaPrivateKey,
  parseRsaPublicKey,
  pkcs8Pem,
  requireCurrent,
  sameKey,
  spkiPem,
} from '@/server/gateway/credentials/crypto-material';
import { currentCertificates, FieldIssues, material, text } from '@/server/gateway/credentials/field-issues';
import { maskKey, maskPublicKey, summariseAll, type CertificateSummary, type MaskedSecret } from '@/server/gateway/credentials/mask-material';

interface AlipayCommon {
  channel: 'ALIPAY';
  /** 16-digit APPID. */
  appId: string;
  /** App private key, PEM PKCS#8. */
  privateKey: string;
  /** 2088 + 12 digits; optional, some APIs need it. */
  sellerId?: string;
}

export interface AlipayPublicKeyCredentials extends AlipayCommon {
  signMode: 'PUBLIC_KEY';
  /** Alipay's public key (支付宝公钥), PEM SPKI. */
  alipayPublicKey: string;
}

export interface AlipayCertCredentials extends AlipayCommon {
  signMode: 'CERT';
  /** appCertPublicKey_<appId>.crt, PEM. */
  appCert: string;
  /** alipayCertPublicKey_RSA2.crt, PEM: the leaf first, possibly followed by its intermediate. */
  alipayPublicCert: string;
  /** alipayRootCert.crt, PEM bundle of several roots (some not RSA). */
  alipayRootCert: string;
}

export type AlipayCredentials = AlipayPublicKeyCredentials | AlipayCertCredentials;

const appIdSchema = text.regex(/^\d{16}$/, 'must be the 16-digit Alipay APPID, e.g. 2021001161683774');
const sellerIdSchema = text.regex(/^2088\d{12}$/, 'must be the Alipay partner ID (PID): 2088 followed by 12 digits');
const signModeSchema = z.enum(['PUBLIC_KEY', 'CERT'], { error: "must be 'PUBLIC_KEY' or 'CERT'" });
const privateKeySchema = material((value) =>
  parseRsaPrivateKey(value, "not a valid RSA private key (expected PEM PKCS#8/PKCS#1 or Alipay's base64 key)"),
);
const publicKeySchema = material((value) =>
  parseRsaPublicKey(value, 'not a valid RSA public key (expected PEM or the base64 Alipay public key)'),
);

/** Every root valid at `now`, at least one RSA-signed (else there is no alipay_root_cert_sn). */
function rootBundleSchema(now: Date) {
  return material((value) => {
    const certificates = parseCertificates(value);
    for (const certificate of certificates) requireCurrent(certificate, now);
    alipayRootCertSn(value);
    return certificates;
  });
}

type PublicKeyFields = Pick<AlipayPublicKeyCredentials, 'signMode' | 'alipayPublicKey'>;
type CertFields = Pick<AlipayCertCredentials, 'signMode' | 'appCert' | 'alipayPublicCert' | 'alipayRootCert'>;

function publicKeyMode(input: Record<string, unknown>, issues: FieldIssues, appKey?: KeyObject): PublicKeyFields | undefined {
  const alipayPublicKey = issues.parse('alipayPublicKey', publicKeySchema, input.alipayPublicKey, 'required in public key mode');
  if (alipayPublicKey && appKey && sameKey(alipayPublicKey, appKey)) {
    issues.add('alipayPublicKey', "is your app's own public key; paste the Alipay public key (支付宝公钥) instead");
  }
  return alipayPublicKey && { signMode: 'PUBLIC_KEY', alipayPublicKey: spkiPem(alipayPublicKey) };
}

function certMode(input: Record<string, unknown>, issues: FieldIssues, now: Date, appKey?: KeyObject): CertFields | undefined {
  const required = 'required in certificate mode';
  const appCert = issues.parse('appCert', currentCertificates(now), input.appCert, required);
  const alipayPublicCert = issues.parse('alipayPublicCert', currentCertificates(now), input.alipayPublicCert, required);
  const alipayRootCert = issues.parse('alipayRootCert', rootBundleSchema(now), input.alipayRootCert, required);
  const leafKey = (certificates?: X509Certificate[]) => certificates?.[0]?.publicKey;
  const appCertKey = leafKey(appCert);
  if (appCertKey && appKey && !sameKey(appCertKey, appKey)) {
    issues.add('appCert', 'does not match credentials.privateKey: the certificate holds a different public key');
  }
  const alipayCertKey = leafKey(alipayPublicCert);
  if (alipayCertKey && appKey && sameKey(alipayCertKey, appKey)) {
    issues.add('alipayPublicCert', 'is your app certificate; paste the Alipay public key certificate (alipayCertPublicKey_RSA2.crt)');
  }
  if (!appCert || !alipayPublicCert || !alipayRootCert) return undefined;
  return {
    signMode: 'CERT',
    appCert: certificatesPem(appCert),
    alipayPublicCert: certificatesPem(alipayPublicCert),
    alipayRootCert: certificatesPem(alipayRootCert),
  };
}

export function validateAlipay(input: Record<string, unknown>, now: Date): AlipayCredentials {
  const issues = new FieldIssues();
  const appId = issues.parse('appId', appIdSchema, input.appId);
  const privateKey = issues.parse('privateKey', privateKeySchema, input.privateKey);
  const sellerId = issues.parse('sellerId', sellerIdSchema, input.sellerId, null);
  const signMode = issues.parse('signMode', signModeSchema, input.signMode);
  const appKey = privateKey && createPublicKey(privateKey);
  // Fields of the other mode are dropped, so switching modes needs no clearing.
  const mode: PublicKeyFields | CertFields | undefined =
    signMode === 'PUBLIC_KEY' ? publicKeyMode(input, issues, appKey) : signMode === 'CERT' ? certMode(input, issues, now, appKey) : undefined;
  const valid = issues.complete({ appId, privateKey, mode });
  return { channel: 'ALIPAY', appId: valid.appId, privateKey: pkcs8Pem(valid.privateKey), ...(sellerId ? { sellerId } : {}), ...valid.mode };
}

export interface MaskedAlipay {
  channel: 'ALIPAY';
  appId: string;
  signMode: AlipayCredentials['signMode'];
  sellerId?: string;
  privateKey: MaskedSecret;
  alipayPublicKey?: { fingerprint: string };
  appCert?: CertificateSummary;
  alipayPublicCert?: CertificateSummary;
  alipayRootCert?: CertificateSummary[];
}

export function maskAlipay(credentials: AlipayCredentials): MaskedAlipay {
  const common = { channel: 'ALIPAY' as const, appId: credentials.appId, signMode: credentials.signMode, privateKey: maskKey(credentials.privateKey) };
  const seller = credentials.sellerId ? { sellerId: credentials.sellerId } : {};
  if (credentials.signMode === 'PUBLIC_KEY') {
    return { ...common, ...seller, alipayPublicKey: maskPublicKey(credentials.alipayPublicKey) };
  }
  return {
    ...common,
    ...seller,
    appCert: summariseAll(credentials.appCert)[0],
    alipayPublicCert: summariseAll(credentials.alipayPublicCert)[0],
    alipayRootCert: summariseAll(credentials.alipayRootCert),
  };
}
