import { describe, expect, it } from 'vitest';
import { goSdkKeyPair, invalidFields, rsaKeyPair, wechatPlatformCert } from '@/server/gateway/credentials/test-support';
import { validateCredentials } from '@/server/gateway/credentials/validate-credentials';

const merchant = rsaKeyPair();
const wechat = rsaKeyPair();
const apiV3Key = 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb';
const platformCertMode = {
  mchId: '1600314069',
  appId: 'wx2421b1c4370ec43b',
  privateKey: merchant.privateKeyPem,
  merchantCertSerial: '3775b6a45acd588826d15e583a95f5dd5cbe0b6e',
  apiV3Key,
  verifyMode: 'PLATFORM_CERT',
};
const publicKeyMode = { ...platformCertMode, verifyMode: 'PUBLIC_KEY', publicKey: wechat.publicKeyPem, publicKeyId: 'PUB_KEY_ID_0116003140692025021400298900001527' };
// The genuine Tenpay platform certificate is valid 2021-07-16 .. 2026-07-15.
const now = new Date('2022-01-01T00:00:00Z');

describe('validateCredentials WECHATPAY', () => {
  it('accepts platform certificate mode without certificates (downloaded later), upper-casing the serial', () => {
    expect(validateCredentials('WECHATPAY', platformCertMode)).toEqual({
      channel: 'WECHATPAY',
      ...platformCertMode,
      merchantCertSerial: '3775B6A45ACD588826D15E583A95F5DD5CBE0B6E',
    });
  });

  it('accepts the genuine platform certificate, once even when pasted twice', () => {
    const pem = wechatPlatformCert.platform_certificate_pem;
    const credentials = validateCredentials('WECHATPAY', { ...platformCertMode, platformCertificates: [pem, pem] }, { now });
    expect(credentials.platformCertificates).toEqual([pem.trim() + '\n']);
  });

  it('accepts public key mode', () => {
    const credentials = validateCredentials('WECHATPAY', publicKeyMode);
    expect(credentials).toMatchObject({ verifyMode: 'PUBLIC_KEY', publicKey: wechat.publicKeyPem, publicKeyId: publicKeyMode.publicKeyId });
  });

  it('requires the public key and its id in public key mode, and each with the other', () => {
    expect(invalidFields(() => validateCredentials('WECHATPAY', { ...publicKeyMode, publicKey: '', publicKeyId: undefined }))).toEqual({
      'credentials.publicKey': 'required in public key mode',
      'credentials.publicKeyId': 'required in public key mode',
    });
    expect(invalidFields(() => validateCredentials('WECHATPAY', { ...platformCertMode, publicKeyId: publicKeyMode.publicKeyId }))).toEqual({
      'credentials.publicKey': 'required with credentials.publicKeyId',
    });
  });

  it('refuses an expired platform certificate', () => {
    const input = { ...platformCertMode, platformCertificates: [wechatPlatformCert.platform_certificate_pem] };
    expect(invalidFields(() => validateCredentials('WECHATPAY', input, { now: new Date('2026-08-01T00:00:00Z') }))).toEqual({
      'credentials.platformCertificates.0': 'certificate 45F59D4DABF31918AFCEC556D5D2C6E376675D57 expired on 2026-07-15',
    });
  });

  it('takes the official account AppSecret as an optional secret of 32 hex characters', () => {
    expect(validateCredentials('WECHATPAY', platformCertMode)).not.toHaveProperty('appSecret');
    expect(validateCredentials('WECHATPAY', { ...platformCertMode, appSecret: '3f8e1b0c9a7d4e2f6b5a8c1d0e9f7a2b' })).toMatchObject({ appSecret: '3f8e1b0c9a7d4e2f6b5a8c1d0e9f7a2b' });
    for (const appSecret of ['3f8e1b0c9a7d4e2f6b5a8c1d0e9f7a2', 'zz8e1b0c9a7d4e2f6b5a8c1d0e9f7a2b', 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb']) {
      expect(invalidFields(() => validateCredentials('WECHATPAY', { ...platformCertMode, appSecret }))).toEqual({
        'credentials.appSecret': 'must be the official account AppSecret: 32 hex characters (公众号 → 基本配置 → AppSecret)',
      });
    }
  });

  it("refuses the merchant's own certificate or public key where WeChat Pay's belong", () => {
    const input = {
      ...publicKeyMode,
      privateKey: goSdkKeyPair.privateKeyPem,
      publicKey: goSdkKeyPair.publicKeyPem,
      platformCertificates: [wechatPlatformCert.platform_certificate_pem, goSdkKeyPair.certificatePem],
    };
    expect(invalidFields(() => validateCredentials('WECHATPAY', input, { now }))).toEqual({
      'credentials.platformCertificates.1': 'is your merchant certificate (apiclient_cert.pem), not a WeChat Pay platform certificate',
      'credentials.publicKey': "is the merchant's own public key; paste the WeChat Pay public key (pub_key.pem) instead",
    });
  });

  it.each(['16003140', '160031406'])('accepts the shorter merchant ID %s of older merchants', (mchId) => {
    expect(validateCredentials('WECHATPAY', { ...platformCertMode, mchId }).mchId).toBe(mchId);
  });

  it.each([
    ['mchId', '0600314069', 'must be the WeChat Pay merchant ID (商户号): 8 to 10 digits, e.g. 1600314069'],
    ['mchId', '16003140691', 'must be the WeChat Pay merchant ID (商户号): 8 to 10 digits, e.g. 1600314069'],
    ['appId', 'wxd678efh567hg6787', "must be the AppID bound to the merchant: 'wx' followed by 16 lowercase hex characters"],
    ['privateKey', wechat.publicKeyPem, 'not a valid RSA private key (expected apiclient_key.pem: PEM PKCS#8 or PKCS#1)'],
    ['merchantCertSerial', 'serial=3775B6A4', 'must be the merchant certificate serial number: 8 to 40 hex characters'],
    ['apiV3Key', apiV3Key.slice(1), 'must be exactly 32 characters (this one has 31)'],
    ['apiV3Key', `${apiV3Key.slice(2)}密钥`, 'must contain only ASCII letters, digits and symbols, without spaces'],
    ['verifyMode', 'CERT', "must be 'PLATFORM_CERT' or 'PUBLIC_KEY'"],
    ['platformCertificates', wechatPlatformCert.platform_certificate_pem, 'must be a list of PEM certificates'],
    ['platformCertificates.0', 'not a certificate', 'is not a PEM certificate (expected -----BEGIN CERTIFICATE-----)'],
    ['publicKey', 'MIIB', 'not a valid RSA public key (expected the WeChat Pay public key pub_key.pem)'],
    ['publicKeyId', 'F5765756002FDD77', 'must be the WeChat Pay public key ID, such as PUB_KEY_ID_0114...'],
  ])('refuses %s = %j', (path, value, message) => {
    const [field, index] = path.split('.') as [string, string | undefined];
    const input = { ...publicKeyMode, [field]: index === undefined ? value : [value] };
    expect(invalidFields(() => validateCredentials('WECHATPAY', input))).toEqual({ [`credentials.${path}`]: message });
  });

  it('reports every bad field at once', () => {
    const fields = invalidFields(() => validateCredentials('WECHATPAY', { mchId: 'x', appId: 'y', apiV3Key: 'short', verifyMode: 'PUBLIC_KEY' }));
    expect(Object.keys(fields)).toEqual([
      'credentials.mchId',
      'credentials.appId',
      'credentials.privateKey',
      'credentials.merchantCertSerial',
      'credentials.apiV3Key',
      'credentials.publicKey',
      'credentials.publicKeyId',
    ]);
    expect(JSON.stringify(fields)).not.toContain('short');
  });
});
