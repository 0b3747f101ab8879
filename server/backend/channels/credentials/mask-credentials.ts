// What the dashboard may show of stored credentials. Built field by field from an allow-list, so a
// field added to the credentials later stays hidden until someone decides how to show it.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { parseCertificates, keyFingerprint, sha256Hex } from './crypto-material';
import type { AlipayCredentials, ChannelKind, CredentialsByChannel, CredentialsOf, EasyPayCredentials, EasyPayTypes, WechatPayCredentials } from './types';

/** Fields holding secrets, per channel: sealed at rest, never logged, never sent to a browser. */
export const SECRET_FIELDS = {
  ALIPAY: ['privateKey'],
  WECHATPAY: ['privateKey', 'apiV3Key'],
  EASYPAY: ['key'],
} as const satisfies { [C in ChannelKind]: ReadonlyArray<keyof CredentialsOf<C>> };

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

export interface MaskedWechatPay {
  channel: 'WECHATPAY';
  mchId: string;
  appId: string;
  merchantCertSerial: string;
  verifyMode: WechatPayCredentials['verifyMode'];
  privateKey: MaskedSecret;
  apiV3Key: MaskedSecret;
  platformCertificates: CertificateSummary[];
  publicKey?: { fingerprint: string };
  publicKeyId?: string;
}

export interface MaskedEasyPay {
  channel: 'EASYPAY';
  gatewayUrl: string;
  pid: string;
  key: MaskedSecret;
  /** Which epay `type` each invoke method pays with (not a secret). */
  payTypes?: EasyPayTypes;
}

export interface MaskedByChannel {
  ALIPAY: MaskedAlipay;
  WECHATPAY: MaskedWechatPay;
  EASYPAY: MaskedEasyPay;
}

function maskKey(privateKeyPem: string): MaskedSecret {
  return { set: true, fingerprint: keyFingerprint(createPrivateKey(privateKeyPem)) };
}

function maskSecret(secret: string): MaskedSecret {
  return { set: true, fingerprint: `SHA256:${sha256Hex(secret).slice(0, 8)}` };
}

function summarise(certificate: X509Certificate): CertificateSummary {
  return { subject: certificate.subject.split('\n').join(', '), serial: certificate.serialNumber, validTo: new Date(certificate.validTo).toISOString() };
}

function summariseAll(pem: string): CertificateSummary[] {
  return parseCertificates(pem).map(summarise);
}

function maskAlipay(credentials: AlipayCredentials): MaskedAlipay {
  const common = { channel: 'ALIPAY' as const, appId: credentials.appId, signMode: credentials.signMode, privateKey: maskKey(credentials.privateKey) };
  const seller = credentials.sellerId ? { sellerId: credentials.sellerId } : {};
  if (credentials.signMode === 'PUBLIC_KEY') {
    return { ...common, ...seller, alipayPublicKey: { fingerprint: keyFingerprint(createPublicKey(credentials.alipayPublicKey)) } };
  }
  return {
    ...common,
    ...seller,
    appCert: summariseAll(credentials.appCert)[0],
    alipayPublicCert: summariseAll(credentials.alipayPublicCert)[0],
    alipayRootCert: summariseAll(credentials.alipayRootCert),
  };
}

function maskWechatPay(credentials: WechatPayCredentials): MaskedWechatPay {
  return {
    channel: 'WECHATPAY',
    mchId: credentials.mchId,
    appId: credentials.appId,
    merchantCertSerial: credentials.merchantCertSerial,
    verifyMode: credentials.verifyMode,
    privateKey: maskKey(credentials.privateKey),
    apiV3Key: maskSecret(credentials.apiV3Key),
    platformCertificates: (credentials.platformCertificates ?? []).map((pem) => summarise(new X509Certificate(pem))),
    ...(credentials.publicKey ? { publicKey: { fingerprint: keyFingerprint(createPublicKey(credentials.publicKey)) } } : {}),
    ...(credentials.publicKeyId ? { publicKeyId: credentials.publicKeyId } : {}),
  };
}

function maskEasyPay(credentials: EasyPayCredentials): MaskedEasyPay {
  return {
    channel: 'EASYPAY',
    gatewayUrl: credentials.gatewayUrl,
    pid: credentials.pid,
    key: maskSecret(credentials.key),
    ...(credentials.payTypes ? { payTypes: credentials.payTypes } : {}),
  };
}

const maskers: { [C in ChannelKind]: (credentials: CredentialsByChannel[C]) => MaskedByChannel[C] } = {
  ALIPAY: maskAlipay,
  WECHATPAY: maskWechatPay,
  EASYPAY: maskEasyPay,
};

/** A display-safe view of validated credentials: identifiers in full, secrets as fingerprints only. */
export function maskCredentials<C extends ChannelKind>(channel: C, credentials: CredentialsOf<C>): MaskedByChannel[C] {
  return maskers[channel](credentials);
}
