// The credentials a property company enters when it activates a payment channel (a "payment ID"),
// in the normalised form validateCredentials() returns: keys as PEM (PKCS#8 / SPKI), certificates
// as PEM, identifiers trimmed. These objects hold secrets: seal them at rest, never log them.
// Each channel's plugin owns its shape (channels/<channel>/credentials.ts); this is their union.
import type { AlipayCredentials } from '@/server/gateway/channels/alipay/credentials';
import type { EasyPayCredentials } from '@/server/gateway/channels/easypay/credentials';
import type { WechatPayCredentials } from '@/server/gateway/channels/wechatpay/credentials';

export const CHANNEL_KINDS = ['ALIPAY', 'WECHATPAY', 'EASYPAY'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface CredentialsByChannel {
  ALIPAY: AlipayCredentials;
  WECHATPAY: WechatPayCredentials;
  EASYPAY: EasyPayCredentials;
}

export type CredentialsOf<C extends ChannelKind> = CredentialsByChannel[C];
/** Discriminated by `channel`. */
export type ChannelCredentials = CredentialsByChannel[ChannelKind];

export interface ValidateOptions {
  /** The clock certificate validity is checked against (inject it in tests replaying old certificates). */
  now?: Date;
}
