// Verification of Alipay OpenAPI v2 gateway responses: `sign` covers the exact source text of the
// `<method>_response` (or `error_response`) value. `alipay_cert_sn`, like anything else outside that
// value, is not signed: it only tells which certificate to expect.
import type { KeyObject } from 'node:crypto';
import { rawJsonMembers, type RawSpan } from './raw-json-members';
import { rsa2Signer } from './rsa2-signature';

export type AlipayResponseFailure = 'MALFORMED_BODY' | 'MISSING_RESPONSE' | 'MISSING_SIGN' | 'BAD_SIGNATURE';

export type AlipayResponseVerification =
  | { ok: true; payload: unknown; key: KeyObject; certSn?: string }
  | { ok: false; reason: AlipayResponseFailure };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function alipayResponseKey(method: string): string {
  return `${method.replaceAll('.', '_')}_response`;
}

function stringMember(text: string, span: RawSpan | undefined): string | undefined {
  if (!span) return undefined;
  const value: unknown = JSON.parse(text.slice(span.start, span.end));
  return typeof value === 'string' ? value : undefined;
}

function readBody(rawBody: string | Uint8Array): { text: string; members: Map<string, RawSpan> } | null {
  try {
    const text = typeof rawBody === 'string' ? rawBody : UTF8.decode(rawBody);
    return { text, members: rawJsonMembers(text) };
  } catch {
    return null;
  }
}

/** The alipay_cert_sn an answer names (certificate mode), if it is a readable answer that names one. */
export function alipayResponseCertSn(rawBody: string | Uint8Array): string | undefined {
  const body = readBody(rawBody);
  return body ? stringMember(body.text, body.members.get('alipay_cert_sn')) : undefined;
}

/** Verifies with the keys of our whitelist only. The payload is parsed from the signed text itself, never from elsewhere in the body. */
export function verifyAlipayResponse(rawBody: string | Uint8Array, method: string, trustedKeys: readonly KeyObject[]): AlipayResponseVerification {
  const body = readBody(rawBody);
  if (!body) return { ok: false, reason: 'MALFORMED_BODY' };
  const { text, members } = body;
  // As the official SDK: the method's own key first, then the generic error one.
  const span = members.get(alipayResponseKey(method)) ?? members.get('error_response');
  if (!span) return { ok: false, reason: 'MISSING_RESPONSE' };
  const signed = text.slice(span.start, span.end);
  if (!signed.startsWith('{')) return { ok: false, reason: 'MALFORMED_BODY' };
  const sign = stringMember(text, members.get('sign'));
  if (!sign) return { ok: false, reason: 'MISSING_SIGN' };
  const key = rsa2Signer(signed, sign, trustedKeys);
  if (!key) return { ok: false, reason: 'BAD_SIGNATURE' };
  const certSn = stringMember(text, members.get('alipay_cert_sn'));
  return { ok: true, payload: JSON.parse(signed) as unknown, key, ...(certSn ? { certSn } : {}) };
}
