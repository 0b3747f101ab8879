// Verification of Alipay's asynchronous notifies (and synchronous returns): the signed string is every
// non-empty parameter except `sign` (and, for most notifies, `sign_type`), sorted, raw values, `k=v&...`.
import type { KeyObject } from 'node:crypto';
import { rsa2Signer } from './rsa2-signature';

export type AlipayNotifyParams = Readonly<Record<string, string>>;

export type AlipayNotifyVerification =
  | { ok: true; key: KeyObject; signTypeIncluded: boolean }
  | { ok: false; reason: 'MISSING_SIGN' | 'UNSUPPORTED_SIGN_TYPE' | 'BAD_SIGNATURE' };

function ownValue(params: AlipayNotifyParams, name: string): string | undefined {
  return Object.hasOwn(params, name) ? params[name] : undefined;
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function alipayNotifySignContent(params: AlipayNotifyParams, { includeSignType }: { includeSignType: boolean }): string {
  return Object.entries(params)
    .filter(([name, value]) => name !== 'sign' && (includeSignType || name !== 'sign_type') && value !== '')
    .sort(([a], [b]) => byteOrder(a, b))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** The SN of the Alipay certificate a cert-mode message names, so the caller can pick that whitelisted certificate; only a hint, verification uses the keys passed in. */
export function notifyCertSn(params: AlipayNotifyParams): string | undefined {
  return ownValue(params, 'alipay_cert_sn') || undefined;
}

/** Verifies with the keys of our whitelist only; nothing in the request chooses the key. */
export function verifyAlipayNotify(params: AlipayNotifyParams, trustedKeys: readonly KeyObject[]): AlipayNotifyVerification {
  const sign = ownValue(params, 'sign');
  if (!sign) return { ok: false, reason: 'MISSING_SIGN' };
  const signType = ownValue(params, 'sign_type');
  if (signType !== undefined && signType !== 'RSA2') return { ok: false, reason: 'UNSUPPORTED_SIGN_TYPE' };
  // Trade notifies leave sign_type out of the signed string; some open-platform notifies sign it (rsaCheckV2).
  for (const includeSignType of signType === undefined ? [false] : [false, true]) {
    const key = rsa2Signer(alipayNotifySignContent(params, { includeSignType }), sign, trustedKeys);
    if (key) return { ok: true, key, signTypeIncluded: includeSignType };
  }
  return { ok: false, reason: 'BAD_SIGNATURE' };
}
