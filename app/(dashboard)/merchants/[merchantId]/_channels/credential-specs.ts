// The parameter fields of each channel's form, in the names validate-<channel>.ts reads them by.
import type { MessageKey } from '@/components/i18n/translate';
import type { ChannelKind } from '../../merchant-types';

/**
 * `text` is an identifier, shown again when editing; everything else is key or certificate material
 * that is never sent back to the browser, so it starts empty and "empty" means "keep".
 */
export type CredentialInput = 'text' | 'password' | 'pem' | 'pemList';

export interface CredentialFieldSpec {
  name: string;
  label: MessageKey;
  input: CredentialInput;
  hint?: MessageKey;
  placeholder?: MessageKey;
  /** Shown only when the channel's mode choice has this value. */
  mode?: string;
}

export interface CredentialModeSpec {
  name: 'signMode' | 'verifyMode';
  label: MessageKey;
  options: readonly { value: string; label: MessageKey }[];
}

export interface CredentialFormSpec {
  mode?: CredentialModeSpec;
  fields: readonly CredentialFieldSpec[];
}

export const CREDENTIAL_FORMS: Record<ChannelKind, CredentialFormSpec> = {
  ALIPAY: {
    mode: {
      name: 'signMode',
      label: 'channels.fields.alipay.signMode',
      options: [
        { value: 'PUBLIC_KEY', label: 'channels.signModes.PUBLIC_KEY' },
        { value: 'CERT', label: 'channels.signModes.CERT' },
      ],
    },
    fields: [
      { name: 'appId', label: 'channels.fields.alipay.appId', input: 'text' },
      { name: 'privateKey', label: 'channels.fields.alipay.privateKey', input: 'pem', hint: 'channels.fields.alipay.privateKeyHint' },
      { name: 'alipayPublicKey', label: 'channels.fields.alipay.alipayPublicKey', input: 'pem', hint: 'channels.fields.alipay.alipayPublicKeyHint', mode: 'PUBLIC_KEY' },
      { name: 'appCert', label: 'channels.fields.alipay.appCert', input: 'pem', mode: 'CERT' },
      { name: 'alipayPublicCert', label: 'channels.fields.alipay.alipayPublicCert', input: 'pem', mode: 'CERT' },
      { name: 'alipayRootCert', label: 'channels.fields.alipay.alipayRootCert', input: 'pem', mode: 'CERT' },
      { name: 'sellerId', label: 'channels.fields.alipay.sellerId', input: 'text' },
    ],
  },
  WECHATPAY: {
    mode: {
      name: 'verifyMode',
      label: 'channels.fields.wechatpay.verifyMode',
      options: [
        { value: 'PLATFORM_CERT', label: 'channels.verifyModes.PLATFORM_CERT' },
        { value: 'PUBLIC_KEY', label: 'channels.verifyModes.PUBLIC_KEY' },
      ],
    },
    fields: [
      { name: 'mchId', label: 'channels.fields.wechatpay.mchId', input: 'text' },
      { name: 'appId', label: 'channels.fields.wechatpay.appId', input: 'text' },
      { name: 'privateKey', label: 'channels.fields.wechatpay.privateKey', input: 'pem' },
      { name: 'merchantCertSerial', label: 'channels.fields.wechatpay.merchantCertSerial', input: 'text' },
      { name: 'apiV3Key', label: 'channels.fields.wechatpay.apiV3Key', input: 'password' },
      {
        name: 'platformCertificates',
        label: 'channels.fields.wechatpay.platformCertificates',
        input: 'pemList',
        hint: 'channels.fields.wechatpay.platformCertificatesHint',
        mode: 'PLATFORM_CERT',
      },
      { name: 'publicKey', label: 'channels.fields.wechatpay.publicKey', input: 'pem', mode: 'PUBLIC_KEY' },
      { name: 'publicKeyId', label: 'channels.fields.wechatpay.publicKeyId', input: 'text', mode: 'PUBLIC_KEY' },
      { name: 'appSecret', label: 'channels.fields.wechatpay.appSecret', input: 'password', hint: 'channels.fields.wechatpay.appSecretHint' },
    ],
  },
  EASYPAY: {
    fields: [
      { name: 'gatewayUrl', label: 'channels.fields.easypay.gatewayUrl', input: 'text', placeholder: 'channels.fields.easypay.gatewayUrlPlaceholder' },
      { name: 'pid', label: 'channels.fields.easypay.pid', input: 'text' },
      { name: 'key', label: 'channels.fields.easypay.key', input: 'password' },
    ],
  },
};

export function visibleFields(spec: CredentialFormSpec, mode: string | undefined): CredentialFieldSpec[] {
  return spec.fields.filter((field) => !field.mode || field.mode === mode);
}

/** The form input name of a credential field: the same path the server names its errors by. */
export function credentialInputName(name: string): string {
  return `credentials.${name}`;
}
