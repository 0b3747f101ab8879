import { describe, expect, it } from 'vitest';
import { alipayNodeSdk, ALIPAY_CERTS_VALID_AT, certModeAlipayInput, invalidFields, rsaKeyPair, wechatPlatformCert } from '@/server/gateway/credentials/test-support';
import { validateCredentials } from '@/server/gateway/credentials/validate-credentials';
import { mergeCredentials } from './merge-credentials';

const now = new Date('2022-01-01T00:00:00Z');
const merchant = rsaKeyPair();
const stored = validateCredentials(
  'WECHATPAY',
  {
    mchId: '1600314069',
    appId: 'wx2421b1c4370ec43b',
    privateKey: merchant.privateKeyPem,
    merchantCertSerial: '3775B6A45ACD588826D15E583A95F5DD5CBE0B6E',
    apiV3Key: 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
    verifyMode: 'PLATFORM_CERT',
    platformCertificates: [wechatPlatformCert.platform_certificate_pem],
  },
  { now },
);

describe('mergeCredentials', () => {
  it('keeps secrets and lists the form leaves empty, and replaces what it fills in', () => {
    const merged = mergeCredentials('WECHATPAY', stored, { mchId: '1600314070', privateKey: '', apiV3Key: '   ', platformCertificates: [], publicKey: null }, { now });
    expect(merged).toEqual({ ...stored, mchId: '1600314070' });
  });

  it('replaces a secret when one is given', () => {
    const next = rsaKeyPair();
    const merged = mergeCredentials('WECHATPAY', stored, { privateKey: next.privateKeyPem, apiV3Key: 'Z'.repeat(32) }, { now });
    expect(merged.privateKey).toBe(next.privateKeyPem);
    expect(merged.apiV3Key).toBe('Z'.repeat(32));
  });

  it('validates the merged result again', () => {
    expect(invalidFields(() => mergeCredentials('WECHATPAY', stored, { apiV3Key: 'tooshort' }, { now }))).toEqual({
      'credentials.apiV3Key': 'must be exactly 32 characters (this one has 8)',
    });
    // The stored platform certificate has expired since it was entered.
    expect(Object.keys(invalidFields(() => mergeCredentials('WECHATPAY', stored, {}, { now: new Date('2026-08-01T00:00:00Z') })))).toEqual([
      'credentials.platformCertificates.0',
    ]);
  });

  it('switches Alipay from certificate to public key mode, dropping the certificates', () => {
    const certMode = validateCredentials('ALIPAY', certModeAlipayInput(), { now: ALIPAY_CERTS_VALID_AT });
    expect(invalidFields(() => mergeCredentials('ALIPAY', certMode, { signMode: 'PUBLIC_KEY' }))).toEqual({
      'credentials.alipayPublicKey': 'required in public key mode',
    });
    const switched = mergeCredentials('ALIPAY', certMode, { signMode: 'PUBLIC_KEY', alipayPublicKey: alipayNodeSdk.expected.alipay_public_key_spki_base64 });
    expect(switched).toMatchObject({ signMode: 'PUBLIC_KEY', privateKey: certMode.privateKey });
    expect(switched).not.toHaveProperty('appCert');
  });

  it('treats a __proto__ key in a JSON patch as an ignored field', () => {
    const patch: unknown = JSON.parse('{"__proto__": {"publicKeyId": "PUB_KEY_ID_X"}, "mchId": "1600314070"}');
    const merged = mergeCredentials('WECHATPAY', stored, patch, { now });
    expect(merged).toEqual({ ...stored, mchId: '1600314070' });
  });

  it('refuses a patch that is not an object', () => {
    expect(invalidFields(() => mergeCredentials('WECHATPAY', stored, 'apiV3Key=x'))).toEqual({ credentials: 'must be an object of channel credentials' });
  });
});
