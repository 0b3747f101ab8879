import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, sha256Hex } from './crypto-material';
import { maskCredentials, SECRET_FIELDS } from './mask-credentials';
import type { ChannelCredentials } from './types';
import { alipayNodeSdk, ALIPAY_CERTS_VALID_AT, certModeAlipayInput, goSdkKeyPair, rsaKeyPair, wechatPlatformCert } from './test-support';
import { validateCredentials } from './validate-credentials';

const merchant = rsaKeyPair();
const wechat = rsaKeyPair();
const alipayCert = validateCredentials('ALIPAY', certModeAlipayInput({ sellerId: '2088831204659217' }), { now: ALIPAY_CERTS_VALID_AT });
const alipayKey = validateCredentials('ALIPAY', {
  appId: '2021001161683774',
  privateKey: merchant.privateKeyPem,
  signMode: 'PUBLIC_KEY',
  alipayPublicKey: alipayNodeSdk.expected.alipay_public_key_spki_base64,
});
const wechatPay = validateCredentials(
  'WECHATPAY',
  {
    mchId: '1600314069',
    appId: 'wx2421b1c4370ec43b',
    privateKey: merchant.privateKeyPem,
    merchantCertSerial: '3775B6A45ACD588826D15E583A95F5DD5CBE0B6E',
    apiV3Key: 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
    verifyMode: 'PUBLIC_KEY',
    platformCertificates: [wechatPlatformCert.platform_certificate_pem],
    publicKey: wechat.publicKeyPem,
    publicKeyId: 'PUB_KEY_ID_0116003140692025021400298900001527',
    appSecret: '3f8e1b0c9a7d4e2f6b5a8c1d0e9f7a2b',
  },
  { now: new Date('2022-01-01T00:00:00Z') },
);
const easyPay = validateCredentials('EASYPAY', { gatewayUrl: 'https://pay.example.com', pid: '1001', key: 'Kx8&a=b+c%dQ9zLm' });

function mask(credentials: ChannelCredentials) {
  return maskCredentials(credentials);
}

function expectNoPieceOfSecrets(credentials: ChannelCredentials) {
  const serialized = JSON.stringify(mask(credentials));
  const secrets = (SECRET_FIELDS[credentials.channel] as readonly string[]).map((field) => String((credentials as unknown as Record<string, unknown>)[field]));
  expect(secrets.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    for (let i = 0; i + 6 <= secret.length; i++) expect(serialized).not.toContain(secret.slice(i, i + 6));
  }
}

describe('maskCredentials', () => {
  it.each([alipayCert, alipayKey, wechatPay, easyPay])('never contains any piece of a secret ($channel)', (credentials) => {
    expectNoPieceOfSecrets(credentials);
  });

  it('shows Alipay identifiers in full, keys by fingerprint and certificates by summary', () => {
    expect(mask(alipayCert)).toEqual({
      channel: 'ALIPAY',
      appId: '2021001161683774',
      signMode: 'CERT',
      sellerId: '2088831204659217',
      privateKey: { set: true, fingerprint: keyFingerprint(createPublicKey(goSdkKeyPair.publicKeyPem)) },
      appCert: { subject: 'C=XX, L=Default City, O=Default Company Ltd', serial: 'D7CE59D1F522D701', validTo: '2031-04-25T08:55:23.000Z' },
      alipayPublicCert: {
        subject: 'C=CN, O=杭州焕旭信息技术有限公司, OU=Alipay, CN=支付宝(中国)网络技术有限公司-2088831204659217',
        serial: '20200514E63C2FE04D538716FE21358B',
        validTo: '2022-05-14T14:42:01.000Z',
      },
      alipayRootCert: expect.arrayContaining([expect.objectContaining({ serial: '1FCFA18D6A480D11' })]),
    });
    expect(mask(alipayKey)).toMatchObject({ signMode: 'PUBLIC_KEY', alipayPublicKey: { fingerprint: expect.stringMatching(/^SHA256:[0-9a-f]{16}$/) } });
  });

  it('shows WeChat Pay identifiers and the APIv3 key only as a short fingerprint', () => {
    expect(mask(wechatPay)).toMatchObject({
      mchId: '1600314069',
      appId: 'wx2421b1c4370ec43b',
      merchantCertSerial: '3775B6A45ACD588826D15E583A95F5DD5CBE0B6E',
      verifyMode: 'PUBLIC_KEY',
      publicKeyId: 'PUB_KEY_ID_0116003140692025021400298900001527',
      apiV3Key: { set: true, fingerprint: `SHA256:${sha256Hex('a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb').slice(0, 8)}` },
      platformCertificates: [{ serial: '45F59D4DABF31918AFCEC556D5D2C6E376675D57', validTo: '2026-07-15T09:51:10.000Z' }],
      appSecret: { set: true, fingerprint: `SHA256:${sha256Hex('3f8e1b0c9a7d4e2f6b5a8c1d0e9f7a2b').slice(0, 8)}` },
    });
  });

  it('shows the EasyPay gateway and pid, and tells a changed key by its fingerprint', () => {
    const masked = mask(easyPay);
    expect(masked).toEqual({ channel: 'EASYPAY', gatewayUrl: 'https://pay.example.com', pid: '1001', key: { set: true, fingerprint: expect.stringMatching(/^SHA256:[0-9a-f]{8}$/) } });
    expect(mask({ ...easyPay, key: 'another-key-123' })).not.toEqual(masked);
    // The pay type per invoke method is a setting staff must see, the key still only as set.
    const withTypes = mask(validateCredentials('EASYPAY', { gatewayUrl: 'https://pay.example.com', pid: '1001', key: 'Kx8&a=b+c%dQ9zLm', payTypes: { QR: 'wxpay' } }));
    expect(withTypes).toMatchObject({ payTypes: { QR: 'wxpay' }, key: { set: true } });
    expect(JSON.stringify(withTypes)).not.toContain('Kx8&a');
  });
});
