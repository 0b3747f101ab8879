// WeChat Pay v3 answer and callback signatures: RSA-SHA256 (PKCS#1 v1.5) over
// `Wechatpay-Timestamp\nWechatpay-Nonce\nBODY\n`, by the platform certificate or WeChat Pay public key
// that Wechatpay-Serial names. The key comes from our whitelist only, never from the message.
import { verify } from 'node:crypto';
import type { ChannelAccount } from '@/server/gateway/types';

export type TrustedKey = ChannelAccount['trustedKeys'][number];

export type SignatureFailure = 'MISSING_HEADERS' | 'MALFORMED_HEADERS' | 'UNSUPPORTED_SIGNATURE_TYPE' | 'UNKNOWN_SERIAL' | 'BAD_SIGNATURE';

export type SignatureCheck = { ok: true; serial: string; timestamp: number; nonce: string } | { ok: false; reason: SignatureFailure };

type HeaderSource = Record<string, string> | Headers;

/** A header by name whatever its case (Node lowercases, tests and vectors write it as WeChat does). */
export function headerOf(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Certificate serials are hex (upper or lower case); public key ids are compared as written. */
export function sameSerial(trusted: string, claimed: string): boolean {
  return /^[0-9A-Fa-f]+$/.test(claimed) ? trusted.toUpperCase() === claimed.toUpperCase() : trusted === claimed;
}

/** The signature bytes, or null unless canonical base64 (Node's decoder would skip stray characters). */
function canonicalBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.length > 0 && bytes.toString('base64') === text ? bytes : null;
}

export function signedMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/** Checks the signature of an answer or callback; the caller judges the timestamp's freshness. */
export function verifyWechatPaySignature(input: { headers: HeaderSource; body: string; trustedKeys: readonly TrustedKey[] }): SignatureCheck {
  const timestamp = headerOf(input.headers, 'Wechatpay-Timestamp');
  const nonce = headerOf(input.headers, 'Wechatpay-Nonce');
  const signature = headerOf(input.headers, 'Wechatpay-Signature');
  const serial = headerOf(input.headers, 'Wechatpay-Serial');
  if (!timestamp || !nonce || !signature || !serial) return { ok: false, reason: 'MISSING_HEADERS' };
  const type = headerOf(input.headers, 'Wechatpay-Signature-Type');
  if (type !== undefined && type !== 'WECHATPAY2-SHA256-RSA2048') return { ok: false, reason: 'UNSUPPORTED_SIGNATURE_TYPE' };
  if (!/^\d{1,12}$/.test(timestamp) || /[\r\n]/.test(nonce)) return { ok: false, reason: 'MALFORMED_HEADERS' };
  const candidates = input.trustedKeys.filter((entry) => sameSerial(entry.serial, serial) && entry.key.asymmetricKeyType === 'rsa');
  if (candidates.length === 0) return { ok: false, reason: 'UNKNOWN_SERIAL' };
  const bytes = canonicalBase64(signature);
  const message = Buffer.from(signedMessage(timestamp, nonce, input.body), 'utf8');
  if (!bytes || !candidates.some((entry) => verify('sha256', message, entry.key, bytes))) return { ok: false, reason: 'BAD_SIGNATURE' };
  return { ok: true, serial, timestamp: Number(timestamp), nonce };
}
