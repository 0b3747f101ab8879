// What the dashboard may show of stored credentials. Built field by field from an allow-list (each
// channel's mask* in its credentials.ts), so a field added to the credentials later stays hidden
// until someone decides how to show it.
import { maskAlipay, type MaskedAlipay } from '@/server/gateway/channels/alipay/credentials';
import { maskEasyPay, type MaskedEasyPay } from '@/server/gateway/channels/easypay/credentials';
import { maskWechatPay, type MaskedWechatPay } from '@/server/gateway/channels/wechatpay/credentials';
import type { ChannelCredentials, ChannelKind, CredentialsOf } from './types';

/** Fields holding secrets, per channel: sealed at rest, never logged, never sent to a browser. */
export const SECRET_FIELDS = {
  ALIPAY: ['privateKey'],
  WECHATPAY: ['privateKey', 'apiV3Key', 'appSecret'],
  EASYPAY: ['key'],
} as const satisfies { [C in ChannelKind]: ReadonlyArray<keyof CredentialsOf<C>> };

export interface MaskedByChannel {
  ALIPAY: MaskedAlipay;
  WECHATPAY: MaskedWechatPay;
  EASYPAY: MaskedEasyPay;
}

export type MaskedCredentials = MaskedByChannel[ChannelKind];

/** A display-safe view of validated credentials: identifiers in full, secrets as fingerprints only. */
export function maskCredentials(credentials: ChannelCredentials): MaskedCredentials {
  switch (credentials.channel) {
    case 'ALIPAY':
      return maskAlipay(credentials);
    case 'WECHATPAY':
      return maskWechatPay(credentials);
    case 'EASYPAY':
      return maskEasyPay(credentials);
  }
}
