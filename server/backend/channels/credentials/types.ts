// The credentials a property company enters when it activates a payment channel (a "payment ID"),
// in the normalised form validateCredentials() returns: keys as PEM (PKCS#8 / SPKI), certificates
// as PEM, identifiers trimmed. These objects hold secrets: seal them at rest, never log them.

export const CHANNEL_KINDS = ['ALIPAY', 'WECHATPAY', 'EASYPAY'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

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
}

export interface EasyPayCredentials {
  channel: 'EASYPAY';
  /** Gateway base URL without trailing slash; submit.php, mapi.php and api.php hang off it. */
  gatewayUrl: string;
  pid: string;
  /** The merchant's MD5 key. */
  key: string;
  /**
   * Which epay `type` each invoke method pays with, as the merchant's EasyPay account offers them;
   * a method left out pays with alipay (EASYPAY_DEFAULT_PAY_TYPE).
   */
  payTypes?: EasyPayTypes;
}

export const EASYPAY_PAY_TYPES = ['alipay', 'wxpay'] as const;
export type EasyPayType = (typeof EASYPAY_PAY_TYPES)[number];
export const EASYPAY_DEFAULT_PAY_TYPE: EasyPayType = 'alipay';
export const EASYPAY_INVOKE_METHODS = ['PC', 'WAP', 'QR'] as const;
export type EasyPayTypes = Partial<Record<(typeof EASYPAY_INVOKE_METHODS)[number], EasyPayType>>;

export interface CredentialsByChannel {
  ALIPAY: AlipayCredentials;
  WECHATPAY: WechatPayCredentials;
  EASYPAY: EasyPayCredentials;
}

export type CredentialsOf<C extends ChannelKind> = CredentialsByChannel[C];
export type ChannelCredentials = CredentialsByChannel[ChannelKind];

export interface ValidateOptions {
  /** The clock certificate validity is checked against (inject it in tests replaying old certificates). */
  now?: Date;
}
