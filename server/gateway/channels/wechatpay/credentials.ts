// WeChat Pay v3 credentials: merchant key and certificate serial, APIv3 key, and WeChat Pay's own
// verification material (platform certificates and/or the WeChat Pay public key). What they look
// like, how what a company enters is checked, and what the dashboard may see of them.
import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { parseRsaPrivateKey, parseRsaPublicKey, pkcs8Pem, sameKey, spkiPem } from '@/server/gateway/credentials/crypto-material';
import { currentCertificates, FieldIssues, isBlank, material, text } from '@/server/gateway/credentials/field-issues';
import { maskKey, maskPublicKey, maskSecret, summarise, type CertificateSummary, type MaskedSecret } from '@/server/gateway/credentials/mask-material';

export interface WechatPayCredentials {
  channel: 'WECHATPAY';
  mchId: string;
  /** 'wx' + 16 lowercase hex. */
  appId: string;
  /** Merchant apiclient_key.pem, PEM PKCS#8. */
  privateKey: string;
  /** Serial of the merchant certificate (apiclient_cert.pem), upper-case hex. */
  merchantCertSerial: string;
  /** APIv3 key: 32 ASCII characters, the AES-256-GCM key of callbacks and /v3/certificates. */
  apiV3Key: string;
  /** Which of WeChat's keys must be present; both may be, while WeChat migrates a merchant. */
  verifyMode: 'PLATFORM_CERT' | 'PUBLIC_KEY';
  /** WeChat Pay platform certificates, PEM, one per entry (may be downloaded later). */
  platformCertificates?: string[];
  /** WeChat Pay public key (pub_key.pem), PEM SPKI, and its id as sent in Wechatpay-Serial. */
  publicKey?: string;
  publicKeyId?: string;
  /**
   * AppSecret of the official account (公众号) whose AppID is `appId`: 32 hex characters. Only for
   * WeChat's web authorization, which gives the checkout the payer's openid for JSAPI inside WeChat.
   */
  appSecret?: string;
}

const mchIdSchema = text.regex(/^[1-9]\d{7,9}$/, 'must be the WeChat Pay merchant ID (商户号): 8 to 10 digits, e.g. 1600314069');
const appIdSchema = text.regex(/^wx[0-9a-f]{16}$/, "must be the AppID bound to the merchant: 'wx' followed by 16 lowercase hex characters");
const serialSchema = text
  .regex(/^[0-9A-Fa-f]{8,40}$/, 'must be the merchant certificate serial number: 8 to 40 hex characters')
  .transform((serial) => serial.toUpperCase());
const apiV3KeySchema = text
  .regex(/^[\x21-\x7e]*$/, 'must contain only ASCII letters, digits and symbols, without spaces')
  .refine((key) => key.length === 32, { error: (issue) => `must be exactly 32 characters (this one has ${String(issue.input).length})` });
const verifyModeSchema = z.enum(['PLATFORM_CERT', 'PUBLIC_KEY'], { error: "must be 'PLATFORM_CERT' or 'PUBLIC_KEY'" });
const privateKeySchema = material((value) =>
  parseRsaPrivateKey(value, 'not a valid RSA private key (expected apiclient_key.pem: PEM PKCS#8 or PKCS#1)'),
);
const publicKeySchema = material((value) =>
  parseRsaPublicKey(value, 'not a valid RSA public key (expected the WeChat Pay public key pub_key.pem)'),
);
const appSecretSchema = text.regex(/^[0-9a-fA-F]{32}$/, 'must be the official account AppSecret: 32 hex characters (公众号 → 基本配置 → AppSecret)');
const publicKeyIdSchema = text.regex(/^PUB_KEY_ID_[0-9A-Za-z_]+$/, 'must be the WeChat Pay public key ID, such as PUB_KEY_ID_0114...');

/** Platform certificates, one or more per entry, de-duplicated by serial; none is fine (downloaded later). */
function platformCertificates(value: unknown, issues: FieldIssues, now: Date, merchantKey?: KeyObject): X509Certificate[] {
  if (isBlank(value)) return [];
  if (!Array.isArray(value)) {
    issues.add('platformCertificates', 'must be a list of PEM certificates');
    return [];
  }
  const bySerial = new Map<string, X509Certificate>();
  value.forEach((entry, index) => {
    const path = `platformCertificates.${index}`;
    for (const certificate of issues.parse(path, currentCertificates(now), entry, 'must not be empty') ?? []) {
      if (merchantKey && sameKey(certificate.publicKey, merchantKey)) {
        issues.add(path, 'is your merchant certificate (apiclient_cert.pem), not a WeChat Pay platform certificate');
      }
      bySerial.set(certificate.serialNumber, certificate);
    }
  });
  return [...bySerial.values()];
}

export function validateWechatPay(input: Record<string, unknown>, now: Date): WechatPayCredentials {
  const issues = new FieldIssues();
  const mchId = issues.parse('mchId', mchIdSchema, input.mchId);
  const appId = issues.parse('appId', appIdSchema, input.appId);
  const privateKey = issues.parse('privateKey', privateKeySchema, input.privateKey);
  const merchantCertSerial = issues.parse('merchantCertSerial', serialSchema, input.merchantCertSerial);
  const apiV3Key = issues.parse('apiV3Key', apiV3KeySchema, input.apiV3Key);
  const verifyMode = issues.parse('verifyMode', verifyModeSchema, input.verifyMode);
  const merchantKey = privateKey && createPublicKey(privateKey);
  const certificates = platformCertificates(input.platformCertificates, issues, now, merchantKey);

  // The public key and its id go together; in public key mode they are required.
  const keyRequired = verifyMode === 'PUBLIC_KEY' ? 'required in public key mode' : null;
  const publicKey = issues.parse('publicKey', publicKeySchema, input.publicKey, keyRequired ?? (isBlank(input.publicKeyId) ? null : 'required with credentials.publicKeyId'));
  const publicKeyId = issues.parse('publicKeyId', publicKeyIdSchema, input.publicKeyId, keyRequired ?? (isBlank(input.publicKey) ? null : 'required with credentials.publicKey'));
  if (publicKey && merchantKey && sameKey(publicKey, merchantKey)) {
    issues.add('publicKey', "is the merchant's own public key; paste the WeChat Pay public key (pub_key.pem) instead");
  }
  const appSecret = issues.parse('appSecret', appSecretSchema, input.appSecret, null);

  const valid = issues.complete({ mchId, appId, privateKey, merchantCertSerial, apiV3Key, verifyMode });
  return {
    channel: 'WECHATPAY',
    ...valid,
    privateKey: pkcs8Pem(valid.privateKey),
    ...(certificates.length > 0 ? { platformCertificates: certificates.map((certificate) => certificate.toString()) } : {}),
    ...(publicKey && publicKeyId ? { publicKey: spkiPem(publicKey), publicKeyId } : {}),
    ...(appSecret ? { appSecret } : {}),
  };
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
  appSecret?: MaskedSecret;
}

export function maskWechatPay(credentials: WechatPayCredentials): MaskedWechatPay {
  return {
    channel: 'WECHATPAY',
    mchId: credentials.mchId,
    appId: credentials.appId,
    merchantCertSerial: credentials.merchantCertSerial,
    verifyMode: credentials.verifyMode,
    privateKey: maskKey(credentials.privateKey),
    apiV3Key: maskSecret(credentials.apiV3Key),
    platformCertificates: (credentials.platformCertificates ?? []).map((pem) => summarise(new X509Certificate(pem))),
    ...(credentials.publicKey ? { publicKey: maskPublicKey(credentials.publicKey) } : {}),
    ...(credentials.publicKeyId ? { publicKeyId: credentials.publicKeyId } : {}),
    ...(credentials.appSecret ? { appSecret: maskSecret(credentials.appSecret) } : {}),
  };
}
