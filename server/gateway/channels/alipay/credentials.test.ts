import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/server/errors/app-error';
import { alipayNodeSdk, ALIPAY_CERTS_VALID_AT, goSdkKeyPair, invalidFields, rsaKeyPair } from '@/server/gateway/credentials/test-support';
import { validateCredentials } from '@/server/gateway/credentials/validate-credentials';

const app = rsaKeyPair();
const alipayKeyBase64 = alipayNodeSdk.expected.alipay_public_key_spki_base64 ?? '';
const rootBundle = alipayNodeSdk.inputs.alipay_root_cert_pem_bundle ?? '';
const publicKeyMode = { appId: '2021001161683774', privateKey: app.privateKeyPem, signMode: 'PUBLIC_KEY', alipayPublicKey: alipayKeyBase64 };
// The Go SDK's published key pair stands in for an app key and its certificate; the Alipay
// certificate and the root bundle are the genuine ones, all valid at ALIPAY_CERTS_VALID_AT.
const certMode = {
  appId: '2021001161683774',
  privateKey: goSdkKeyPair.privateKeyPem,
  signMode: 'CERT',
  appCert: goSdkKeyPair.certificatePem,
  alipayPublicCert: alipayNodeSdk.inputs.alipay_cert_public_key_rsa2_pem,
  alipayRootCert: rootBundle,
};
const now = ALIPAY_CERTS_VALID_AT;

describe('validateCredentials ALIPAY, public key mode', () => {
  it("accepts Alipay's base64 public key and normalises keys to PEM", () => {
    const credentials = validateCredentials('ALIPAY', { ...publicKeyMode, appId: ' 2021001161683774 ', sellerId: '2088831204659217' });
    expect(credentials).toEqual({
      channel: 'ALIPAY',
      appId: '2021001161683774',
      sellerId: '2088831204659217',
      privateKey: app.privateKeyPem,
      signMode: 'PUBLIC_KEY',
      alipayPublicKey: `-----BEGIN PUBLIC KEY-----\n${alipayKeyBase64.replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`,
    });
  });

  it("accepts the app key as Alipay's key tool outputs it (bare base64 PKCS#1)", () => {
    const bare = createPrivateKey(app.privateKeyPem).export({ type: 'pkcs1', format: 'der' }).toString('base64');
    expect(validateCredentials('ALIPAY', { ...publicKeyMode, privateKey: bare }).privateKey).toBe(app.privateKeyPem);
  });

  it('drops certificate fields, which belong to the other mode', () => {
    expect(validateCredentials('ALIPAY', { ...certMode, ...publicKeyMode }, { now })).not.toHaveProperty('appCert');
  });

  it('requires the Alipay public key, and refuses the app key pasted in its place', () => {
    expect(invalidFields(() => validateCredentials('ALIPAY', { ...publicKeyMode, alipayPublicKey: '' }))).toEqual({
      'credentials.alipayPublicKey': 'required in public key mode',
    });
    expect(invalidFields(() => validateCredentials('ALIPAY', { ...publicKeyMode, alipayPublicKey: app.publicKeyPem }))).toEqual({
      'credentials.alipayPublicKey': "is your app's own public key; paste the Alipay public key (支付宝公钥) instead",
    });
  });
});

describe('validateCredentials ALIPAY, certificate mode', () => {
  it('accepts matching app key and certificate with the genuine Alipay certificates', () => {
    const credentials = validateCredentials('ALIPAY', certMode, { now });
    expect(credentials.signMode).toBe('CERT');
    if (credentials.signMode !== 'CERT') return;
    expect(credentials.appCert).toBe(goSdkKeyPair.certificatePem.trim() + '\n');
    expect(credentials.alipayRootCert.match(/BEGIN CERTIFICATE/g)).toHaveLength(4);
    expect(credentials).not.toHaveProperty('alipayPublicKey');
  });

  it('refuses an app certificate that does not hold the app private key', () => {
    const genuineAppCert = { ...certMode, privateKey: app.privateKeyPem, appCert: alipayNodeSdk.inputs.app_cert_public_key_pem };
    expect(invalidFields(() => validateCredentials('ALIPAY', genuineAppCert, { now }))).toEqual({
      'credentials.appCert': 'does not match credentials.privateKey: the certificate holds a different public key',
    });
  });

  it('refuses expired and not yet valid certificates', () => {
    expect(invalidFields(() => validateCredentials('ALIPAY', certMode, { now: new Date('2023-01-01T00:00:00Z') }))).toEqual({
      'credentials.alipayPublicCert': 'certificate 20200514E63C2FE04D538716FE21358B expired on 2022-05-14',
    });
    expect(invalidFields(() => validateCredentials('ALIPAY', certMode, { now: new Date('2021-01-01T00:00:00Z') }))).toEqual({
      'credentials.appCert': 'certificate D7CE59D1F522D701 is not valid before 2021-04-27',
    });
  });

  it('requires each certificate in certificate mode', () => {
    expect(invalidFields(() => validateCredentials('ALIPAY', { ...publicKeyMode, signMode: 'CERT' }, { now }))).toEqual({
      'credentials.appCert': 'required in certificate mode',
      'credentials.alipayPublicCert': 'required in certificate mode',
      'credentials.alipayRootCert': 'required in certificate mode',
    });
  });

  it('refuses a root bundle without RSA roots, a non-certificate, and the app certificate as Alipay certificate', () => {
    const sm2RootOnly = rootBundle.slice(0, rootBundle.indexOf('-----END CERTIFICATE-----') + 25);
    const fields = invalidFields(() =>
      validateCredentials('ALIPAY', { ...certMode, alipayRootCert: sm2RootOnly, alipayPublicCert: goSdkKeyPair.certificatePem, appCert: app.publicKeyPem }, { now }),
    );
    expect(fields).toEqual({
      'credentials.appCert': 'is not a PEM certificate (expected -----BEGIN CERTIFICATE-----)',
      'credentials.alipayPublicCert': 'is your app certificate; paste the Alipay public key certificate (alipayCertPublicKey_RSA2.crt)',
      'credentials.alipayRootCert': "contains no RSA certificate; paste Alipay's root certificate bundle (alipayRootCert.crt)",
    });
  });
});

describe('validateCredentials ALIPAY, bad fields', () => {
  it.each([
    ['appId', '202100116168377', 'must be the 16-digit Alipay APPID, e.g. 2021001161683774'],
    ['appId', 2021001161683774, 'must be a string'],
    ['privateKey', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ', "not a valid RSA private key (expected PEM PKCS#8/PKCS#1 or Alipay's base64 key)"],
    ['privateKey', rsaKeyPair(1024).privateKeyPem, 'is a 1024-bit RSA private key; at least 2048 bits are required'],
    ['privateKey', undefined, 'required'],
    ['sellerId', '1088831204659217', 'must be the Alipay partner ID (PID): 2088 followed by 12 digits'],
    ['signMode', 'RSA2', "must be 'PUBLIC_KEY' or 'CERT'"],
    ['alipayPublicKey', 'hello world', 'not a valid RSA public key (expected PEM or the base64 Alipay public key)'],
  ])('%s = %j', (field, value, message) => {
    expect(invalidFields(() => validateCredentials('ALIPAY', { ...publicKeyMode, [field]: value }))).toEqual({ [`credentials.${field}`]: message });
  });

  it('reports every bad field at once as INVALID_REQUEST', () => {
    let thrown: unknown;
    try {
      validateCredentials('ALIPAY', { appId: 'x', privateKey: 'y', sellerId: 'z', signMode: 'CERT', alipayRootCert: 'no' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(400);
    expect(Object.keys((thrown as AppError).details?.fields as object)).toEqual([
      'credentials.appId',
      'credentials.privateKey',
      'credentials.sellerId',
      'credentials.appCert',
      'credentials.alipayPublicCert',
      'credentials.alipayRootCert',
    ]);
  });
});
