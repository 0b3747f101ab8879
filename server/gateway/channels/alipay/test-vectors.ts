// For the tests: every genuine Alipay message in server/testing/vectors (see each file's `source`),
// grouped by kind, with the key that verifies it, and helpers to alter one thing at a time.
import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readVector, vectorFiles } from '@/server/testing/vectors';

interface KeyInputs {
  alipay_public_key_pem?: string;
  alipay_public_cert_pem?: string;
}

export interface NotifyVector {
  file: string;
  kind: 'notify' | 'return';
  key_mode: 'public-key' | 'certificate';
  inputs: KeyInputs & {
    params?: Record<string, string>;
    params_decoded?: Record<string, string>;
    return_url_query?: string;
    form_urlencoded_body_derived?: string;
    alipay_cert_sn?: string;
  };
  expected: { signed_string: string; signature_valid: boolean; sign_type_in_signed_string: boolean };
  negative_cases: Array<{
    description: string;
    params_override?: Record<string, string>;
    construction?: 'include_sign_type' | 'exclude_sign_type';
    construction_override?: 'include_sign_type' | 'exclude_sign_type';
    expected_valid: boolean;
  }>;
}

export interface ResponseVector {
  file: string;
  kind: 'gateway-v2-response' | 'gateway-v2-response-content';
  key_mode: 'public-key' | 'certificate';
  inputs: KeyInputs & { raw_response_body?: string; response_key?: string; signed_content?: string; sign?: string; alipay_cert_sn_in_body?: string };
  expected: { signed_content?: string; sign?: string; signature_valid: boolean };
  negative_cases: Array<{ description: string; signed_content?: string; expected_valid: boolean }>;
}

interface CertSnVector {
  file: string;
  kind: 'cert-sn';
}

type AlipayVector = NotifyVector | ResponseVector | CertSnVector;

export const alipayVectors: AlipayVector[] = vectorFiles('alipay-').map((file) => ({ ...readVector<Omit<AlipayVector, 'file'>>(file), file }) as AlipayVector);

export const notifyVectors = alipayVectors.filter((vector): vector is NotifyVector => vector.kind === 'notify' || vector.kind === 'return');
export const responseVectors = alipayVectors.filter(
  (vector): vector is ResponseVector => vector.kind === 'gateway-v2-response' || vector.kind === 'gateway-v2-response-content',
);

/** The published key, or for certificate mode the key of the published Alipay certificate. */
export function vectorKey(vector: NotifyVector | ResponseVector): KeyObject {
  const { alipay_public_cert_pem: certificate, alipay_public_key_pem: publicKey } = vector.inputs;
  if (vector.key_mode === 'certificate' && certificate) return new X509Certificate(certificate).publicKey;
  if (vector.key_mode === 'public-key' && publicKey) return createPublicKey(publicKey);
  throw new Error(`${vector.file}: no key for ${vector.key_mode} mode`);
}

/** A genuine Alipay key that did not sign `vector`. */
export function anotherVectorKey(vector: NotifyVector | ResponseVector): KeyObject {
  const own = vectorKey(vector);
  const other = [...notifyVectors, ...responseVectors].map(vectorKey).find((key) => !key.equals(own));
  if (!other) throw new Error('the vectors hold a single key');
  return other;
}

/** `text` with the character at `index` replaced by a different one that keeps JSON strings well-formed. */
export function changeOneChar(text: string, index: number): string {
  return text.slice(0, index) + (text[index] === 'X' ? 'Y' : 'X') + text.slice(index + 1);
}
