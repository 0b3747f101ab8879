import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/server/errors/app-error';
import { alipayNodeSdk, alipaySandbox, ALIPAY_CERTS_VALID_AT, certModeAlipayInput, invalidFields, rsaKeyPair, wechatPlatformCert } from './test-support';
import { describeTrustedPem, trustedMaterialOf } from './trusted-material';
import { validateCredentials } from './validate-credentials';

const app = rsaKeyPair();
const wechatKey = rsaKeyPair();
const alipayKeyBase64 = alipayNodeSdk.expected.alipay_public_key_spki_base64 ?? '';
const alipayKeySha256 = createHash('sha256').update(Buffer.from(alipayKeyBase64, 'base64')).digest('hex');
const platformPem = wechatPlatformCert.platform_certificate_pem;
const wechatNow = new Date('2022-01-01T00:00:00Z');
const wechatPay = validateCredentials(
  'WECHATPAY',
  {
    mchId: '1600314069',
    appId: 'wx2421b1c4370ec43b',
    privateKey: app.privateKeyPem,
    merchantCertSerial: '3775B6A45ACD588826D15E583A95F5DD5CBE0B6E',
    apiV3Key: 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
    verifyMode: 'PLATFORM_CERT',
    platformCertificates: [platformPem],
    publicKey: wechatKey.publicKeyPem,
    publicKeyId: 'PUB_KEY_ID_0116003140692025021400298900001527',
  },
  { now: wechatNow },
);

describe('trustedMaterialOf', () => {
  it("trusts Alipay's public key under its fingerprint in public key mode", () => {
    const credentials = validateCredentials('ALIPAY', { appId: '2021001161683774', privateKey: app.privateKeyPem, signMode: 'PUBLIC_KEY', alipayPublicKey: alipayKeyBase64 });
    if (credentials.signMode !== 'PUBLIC_KEY') throw new Error('expected public key mode');
    expect(trustedMaterialOf('ALIPAY', credentials)).toEqual([
      { kind: 'PUBLIC_KEY', serial: alipayKeySha256, subject: null, issuer: null, validFrom: null, validTo: null, pem: credentials.alipayPublicKey, fingerprint: alipayKeySha256 },
    ]);
  });

  it("trusts the Alipay certificate under its alipay_cert_sn in certificate mode, until it expires", () => {
    const credentials = validateCredentials('ALIPAY', certModeAlipayInput(), { now: ALIPAY_CERTS_VALID_AT });
    const [entry, ...rest] = trustedMaterialOf('ALIPAY', credentials, ALIPAY_CERTS_VALID_AT);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ kind: 'CERTIFICATE', serial: alipayNodeSdk.expected.alipay_cert_sn, validTo: new Date('2022-05-14T14:42:01Z') });
    expect(entry?.subject).toContain('2088831204659217');
    expect(entry?.issuer).toBe('C=CN, O=Ant Financial, OU=Certification Authority, CN=Ant Financial Certification Authority Class 2 R1');
    // the certificate's public key is Alipay's public key, as the SDK's loadPublicKey() extracts it
    expect(createPublicKey(entry?.pem ?? '').export({ type: 'spki', format: 'der' }).toString('base64')).toBe(alipayKeyBase64);
    expect(trustedMaterialOf('ALIPAY', credentials, new Date('2022-06-01T00:00:00Z'))).toEqual([]);
  });

  it('trusts WeChat platform certificates under their serial and the WeChat Pay public key under its id', () => {
    const entries = trustedMaterialOf('WECHATPAY', wechatPay, wechatNow);
    expect(entries.map(({ kind, serial }) => ({ kind, serial }))).toEqual([
      { kind: 'CERTIFICATE', serial: wechatPlatformCert.platform_certificate_serial },
      { kind: 'PUBLIC_KEY', serial: 'PUB_KEY_ID_0116003140692025021400298900001527' },
    ]);
    expect(entries[0]?.fingerprint).toBe(createHash('sha256').update(new X509Certificate(platformPem).raw).digest('hex'));
    expect(trustedMaterialOf('WECHATPAY', wechatPay, new Date('2026-08-01T00:00:00Z')).map((entry) => entry.kind)).toEqual(['PUBLIC_KEY']);
  });

  it('trusts nothing for EasyPay, which shares an MD5 key', () => {
    const credentials = validateCredentials('EASYPAY', { gatewayUrl: 'https://pay.example.com', pid: '1001', key: '12345678' });
    expect(trustedMaterialOf('EASYPAY', credentials)).toEqual([]);
  });

  it('refuses credentials of another channel', () => {
    expect(() => trustedMaterialOf('ALIPAY', wechatPay as never)).toThrow(AppError);
  });
});

describe('describeTrustedPem', () => {
  it('names an Alipay certificate by its cert SN, using the leaf of a chain', () => {
    const chain = `${alipaySandbox.inputs.alipay_cert_public_key_rsa2_pem}\n${platformPem}`;
    const entry = describeTrustedPem(chain, { channel: 'ALIPAY', now: new Date('2022-01-01T00:00:00Z') });
    expect(entry).toMatchObject({ kind: 'CERTIFICATE', serial: alipaySandbox.expected.alipay_cert_sn, validFrom: new Date('2020-04-06T08:33:18Z') });
  });

  it('names a WeChat certificate by its serial and a WeChat public key by its id', () => {
    expect(describeTrustedPem(platformPem, { channel: 'WECHATPAY', now: wechatNow }).serial).toBe(wechatPlatformCert.platform_certificate_serial);
    expect(describeTrustedPem(wechatKey.publicKeyPem, { channel: 'WECHATPAY', publicKeyId: ' PUB_KEY_ID_01 ' })).toMatchObject({ kind: 'PUBLIC_KEY', serial: 'PUB_KEY_ID_01' });
  });

  it("names an Alipay public key, even in the key tool's base64, by its fingerprint", () => {
    expect(describeTrustedPem(alipayKeyBase64, { channel: 'ALIPAY' }).serial).toBe(alipayKeySha256);
  });

  it('says precisely what is wrong', () => {
    expect(invalidFields(() => describeTrustedPem('hello', { channel: 'ALIPAY' }))).toEqual({
      pem: 'is neither a certificate nor a public key (expected -----BEGIN CERTIFICATE----- or -----BEGIN PUBLIC KEY-----)',
    });
    expect(invalidFields(() => describeTrustedPem(app.privateKeyPem, { channel: 'ALIPAY' }))).toEqual({ pem: 'is a private key; paste the public key here' });
    expect(invalidFields(() => describeTrustedPem(platformPem, { channel: 'WECHATPAY', now: new Date('2026-08-01T00:00:00Z') }))).toEqual({
      pem: 'certificate 45F59D4DABF31918AFCEC556D5D2C6E376675D57 expired on 2026-07-15',
    });
    expect(invalidFields(() => describeTrustedPem(wechatKey.publicKeyPem, { channel: 'WECHATPAY' }))).toEqual({
      publicKeyId: 'required for a WeChat Pay public key: its ID, such as PUB_KEY_ID_0114...',
    });
    expect(Object.keys(invalidFields(() => describeTrustedPem(wechatKey.publicKeyPem, { channel: 'EASYPAY' })))).toEqual(['pem']);
  });
});
