import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CredentialProblem,
  keyFingerprint,
  parseCertificates,
  parseRsaPrivateKey,
  parseRsaPublicKey,
  pkcs8Pem,
  requireCurrent,
  spkiPem,
} from './crypto-material';
import { alipayNodeSdk, goSdkKeyPair, rsaKeyPair } from './test-support';

const INVALID = 'invalid key';
const { privateKeyPem, publicKeyPem } = rsaKeyPair();
const key = createPrivateKey(privateKeyPem);
const body = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');

describe('parseRsaPrivateKey', () => {
  it.each([
    ['PEM PKCS#8', privateKeyPem],
    ['PEM PKCS#1', key.export({ type: 'pkcs1', format: 'pem' }).toString()],
    ["Alipay's bare base64 PKCS#8 (Java)", body(privateKeyPem)],
    ["Alipay's bare base64 PKCS#1 (non-Java)", key.export({ type: 'pkcs1', format: 'der' }).toString('base64')],
    ['base64 wrapped over lines', body(privateKeyPem).replace(/(.{64})/g, '$1\n')],
  ])('reads %s and normalises it to PEM PKCS#8', (_format, input) => {
    expect(pkcs8Pem(parseRsaPrivateKey(input, INVALID))).toBe(privateKeyPem);
  });

  it('refuses garbage with the given message', () => {
    expect(() => parseRsaPrivateKey('not a key', INVALID)).toThrow(new CredentialProblem(INVALID));
    expect(() => parseRsaPrivateKey('QUJD', INVALID)).toThrow(INVALID);
  });

  it('refuses short, non-RSA and encrypted keys, saying why', () => {
    expect(() => parseRsaPrivateKey(rsaKeyPair(1024).privateKeyPem, INVALID)).toThrow('is a 1024-bit RSA private key; at least 2048 bits are required');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => parseRsaPrivateKey(ec, INVALID)).toThrow('is an EC private key; an RSA key is required');
    const encrypted = key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }).toString();
    expect(() => parseRsaPrivateKey(encrypted, INVALID)).toThrow('is encrypted with a passphrase');
  });
});

describe('parseRsaPublicKey', () => {
  it('reads PEM SPKI, PEM PKCS#1 and bare base64, normalising to PEM SPKI', () => {
    const pkcs1 = createPublicKey(publicKeyPem).export({ type: 'pkcs1', format: 'pem' }).toString();
    for (const input of [publicKeyPem, pkcs1, body(publicKeyPem)]) expect(spkiPem(parseRsaPublicKey(input, INVALID))).toBe(publicKeyPem);
  });

  it("reads the genuine Alipay public key in the key tool's base64 form", () => {
    const alipayKey = parseRsaPublicKey(alipayNodeSdk.expected.alipay_public_key_spki_base64 ?? '', INVALID);
    expect(alipayKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('refuses a private key or a certificate in place of a public key', () => {
    expect(() => parseRsaPublicKey(privateKeyPem, INVALID)).toThrow('is a private key; paste the public key here');
    expect(() => parseRsaPublicKey(goSdkKeyPair.certificatePem, INVALID)).toThrow('is a certificate');
  });
});

describe('certificates', () => {
  it('parses every certificate of a bundle in order', () => {
    expect(parseCertificates(alipayNodeSdk.inputs.alipay_root_cert_pem_bundle ?? '').map((c) => c.serialNumber)).toEqual([
      '69E2FEC0170AC67B',
      '1FCFA18D6A480D11',
      '417EFA52C07FDF4A',
      '10C764E9D560384212D9C08FD10E373FDD0FB396',
    ]);
  });

  it('refuses text without a certificate and a certificate whose body is damaged', () => {
    expect(() => parseCertificates(publicKeyPem)).toThrow('is not a PEM certificate');
    const damaged = goSdkKeyPair.certificatePem.replace(/\n[A-Za-z0-9+/]{10}/, '\nAAAAAAAAAA');
    expect(() => parseCertificates(damaged)).toThrow('does not parse');
  });

  it('checks validity against the injected clock', () => {
    const [certificate] = parseCertificates(alipayNodeSdk.inputs.app_cert_public_key_pem);
    if (!certificate) throw new Error('no certificate');
    expect(() => requireCurrent(certificate, new Date('2021-01-01T00:00:00Z'))).not.toThrow();
    expect(() => requireCurrent(certificate, new Date('2022-06-01T00:00:00Z'))).toThrow(
      'certificate 2020051862039D4090897BA4D51C2126 expired on 2022-05-18',
    );
    expect(() => requireCurrent(certificate, new Date('2020-01-01T00:00:00Z'))).toThrow('is not valid before 2020-05-18');
  });
});

describe('keyFingerprint', () => {
  it('is the same for a private key and its public half', () => {
    expect(keyFingerprint(key)).toMatch(/^SHA256:[0-9a-f]{16}$/);
    expect(keyFingerprint(createPublicKey(publicKeyPem))).toBe(keyFingerprint(key));
  });
});
