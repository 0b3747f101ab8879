// For the tests: the genuine WeChat Pay messages in server/testing/vectors (see each file's `source`),
// and helpers that build callbacks the way WeChat Pay does, to alter one part at a time.
import { createCipheriv, createPublicKey, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import type { TrustedKey } from './signature';

import { readVector as load } from '@/server/testing/vectors';

export interface SignedMessageVector {
  inputs: { headers: Record<string, string>; body: string; platform_certificate_pem: string; platform_certificate_serial: string; apiv3_key?: string };
  expected: { message: string; signature_valid: boolean; resource_plaintext?: string };
  negative_cases: Array<{ description: string; body?: string; message?: string }>;
}

export interface AeadVector {
  inputs: {
    apiv3_key: string;
    resource?: { algorithm: string; associated_data: string; nonce: string; ciphertext: string };
    associated_data?: string;
    nonce?: string;
    ciphertext?: string;
    certificates_response_body?: string;
  };
  expected: { plaintext: string; certificate_serial?: string; plaintext_is_certificate_with_serial?: string };
}

export const h5Response = load<SignedMessageVector>('wechatpay-response-genuine-h5-platform-cert');
export const payscoreCallback = load<SignedMessageVector>('wechatpay-callback-go-sdk-payscore');
export const signVector = load<{
  inputs: { merchant_private_key_pem: string; message: string; public_key_pem: string; public_key_id_in_go_tests: string };
  expected: { signature: string };
}>('wechatpay-sign-go-sdk-sha256withrsa');
export const aeadVectors = {
  yansongda: load<AeadVector>('wechatpay-aead-genuine-platform-certificate-yansongda'),
  javaCertificate: load<AeadVector>('wechatpay-aead-genuine-platform-certificate-java-sdk'),
  javaMessage: load<AeadVector>('wechatpay-aead-java-sdk-message'),
};

/** The whitelist entry of a vector's platform certificate, under the serial WeChat names it by. */
export function certificateKey(vector: SignedMessageVector, serial = vector.inputs.platform_certificate_serial): TrustedKey {
  const pem = vector.inputs.platform_certificate_pem;
  return { serial, key: new X509Certificate(pem).publicKey, certificatePem: pem };
}

export function publicKeyEntry(serial: string, key: KeyObject): TrustedKey {
  return { serial, key: createPublicKey(key.export({ type: 'spki', format: 'pem' })), certificatePem: null };
}

/** The timestamp of a vector as a clock to replay it at. */
export function clockOf(headers: Record<string, string>, offsetSeconds = 0): Date {
  return new Date((Number(headers['Wechatpay-Timestamp']) + offsetSeconds) * 1000);
}

/** A resource sealed as WeChat Pay seals it (AEAD_AES_256_GCM, UTF-8 key, nonce and associated data). */
export function sealResource(plaintext: string, apiV3Key: string, associatedData = 'transaction', nonce = randomBytes(6).toString('hex')) {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: sealed.toString('base64'), associated_data: associatedData, nonce, original_type: associatedData };
}

/** The headers WeChat Pay sends with a body, signed with `privateKey` under `serial`. */
export function signedHeaders(body: string, privateKey: KeyObject, serial: string, now: Date, nonce = randomBytes(16).toString('hex')): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': serial,
    'Wechatpay-Signature': sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, 'utf8'), privateKey).toString('base64'),
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

/** `text` with one character changed to another base64 character (keeps base64 canonical when not at the padding). */
export function changeChar(text: string, index: number): string {
  return text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1);
}
