import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AeadError, decryptResource } from './aead';
import { aeadVectors, changeChar, payscoreCallback, sealResource } from './test-vectors';

const { yansongda, javaCertificate, javaMessage } = aeadVectors;

describe('decryptResource (AEAD_AES_256_GCM)', () => {
  it('decrypts the genuine platform certificate WeChat Pay sealed (yansongda/pay)', () => {
    const plain = decryptResource(yansongda.inputs.resource!, yansongda.inputs.apiv3_key);
    expect(plain).toBe(yansongda.expected.plaintext);
    expect(new X509Certificate(plain).serialNumber).toBe(yansongda.expected.plaintext_is_certificate_with_serial);
  });

  it('decrypts the /v3/certificates answer of the official Java SDK tests', () => {
    const answer = JSON.parse(javaCertificate.inputs.certificates_response_body!) as { data: Array<{ serial_no: string; encrypt_certificate: object }> };
    const plain = decryptResource(answer.data[0]!.encrypt_certificate, javaCertificate.inputs.apiv3_key);
    expect(plain).toBe(javaCertificate.expected.plaintext);
    expect(new X509Certificate(plain).serialNumber).toBe(answer.data[0]!.serial_no);
  });

  it('decrypts the Java SDK known-answer message, and sealing reproduces its ciphertext', () => {
    const { apiv3_key: key, associated_data: aad, nonce, ciphertext } = javaMessage.inputs;
    expect(decryptResource({ associated_data: aad, nonce, ciphertext }, key)).toBe('message');
    expect(sealResource('message', key, aad, nonce).ciphertext).toBe(ciphertext);
  });

  const resource = yansongda.inputs.resource!;
  const key = yansongda.inputs.apiv3_key;
  it.each([
    ['associated_data "transaction"', { ...resource, associated_data: 'transaction' }, key],
    ['empty associated_data', { ...resource, associated_data: '' }, key],
    ['the APIv3 key in lower case', resource, key.toLowerCase()],
    ['the nonce changed', { ...resource, nonce: changeChar(resource.nonce, 11) }, key],
    ['a ciphertext byte changed', { ...resource, ciphertext: changeChar(resource.ciphertext, 10) }, key],
    ['the tag changed', { ...resource, ciphertext: (() => { const bytes = Buffer.from(resource.ciphertext, 'base64'); bytes[bytes.length - 1]! ^= 1; return bytes.toString('base64'); })() }, key],
    ['the tag cut off', { ...resource, ciphertext: Buffer.from(resource.ciphertext, 'base64').subarray(0, -16).toString('base64') }, key],
    ['no ciphertext', { ...resource, ciphertext: undefined }, key],
    ['another algorithm', { ...resource, algorithm: 'AEAD_SM4_GCM' }, key],
    ['stray characters in the base64', { ...resource, ciphertext: ` ${resource.ciphertext}` }, key],
  ])('refuses %s', (_name, changed, apiV3Key) => {
    expect(() => decryptResource(changed, apiV3Key)).toThrow(AeadError);
  });

  it('refuses the Java vectors with the published negative changes', () => {
    const answer = JSON.parse(javaCertificate.inputs.certificates_response_body!) as { data: Array<{ encrypt_certificate: { nonce: string } }> };
    const sealed = answer.data[0]!.encrypt_certificate;
    expect(() => decryptResource({ ...sealed, nonce: changeChar(sealed.nonce, sealed.nonce.length - 1) }, javaCertificate.inputs.apiv3_key)).toThrow(AeadError);
    expect(() => decryptResource({ ...sealed, associated_data: '' }, javaCertificate.inputs.apiv3_key)).toThrow(AeadError);
    const { apiv3_key: messageKey, nonce, ciphertext } = javaMessage.inputs;
    expect(() => decryptResource({ associated_data: 'associateddata', nonce, ciphertext }, messageKey)).toThrow(AeadError);
  });

  it('is AES-256 only: the Go SDK test "APIv3 key" of 16 bytes is refused rather than used as AES-128', () => {
    const body = JSON.parse(payscoreCallback.inputs.body) as { resource: object };
    expect(() => decryptResource(body.resource, payscoreCallback.inputs.apiv3_key!)).toThrow(/32 bytes/);
  });
});
