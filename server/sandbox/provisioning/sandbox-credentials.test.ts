import { describe, expect, it } from 'vitest';
import { rsaKeyPair } from '@/server/gateway/credentials/test-support';
import { trustedMaterialOf } from '@/server/gateway/credentials/trusted-material';
import { validateCredentials } from '@/server/gateway/credentials/validate-credentials';
import { buildSelfSignedCertificate } from '@/server/sandbox/certificate/issue-certificate';
import { generateSandboxCredentials } from './sandbox-credentials';

const simulator = rsaKeyPair();

describe('generateSandboxCredentials', () => {
  it('makes Alipay credentials in public key mode that trust the simulator key', () => {
    const credentials = generateSandboxCredentials('ALIPAY', { channelPublicKeyPem: simulator.publicKeyPem });
    expect(validateCredentials('ALIPAY', credentials)).toEqual(credentials);
    expect(credentials).toMatchObject({ signMode: 'PUBLIC_KEY', alipayPublicKey: simulator.publicKeyPem, appId: expect.stringMatching(/^\d{16}$/) });
    expect(trustedMaterialOf('ALIPAY', credentials)[0]?.pem).toBe(simulator.publicKeyPem);
  });

  it('makes WeChat Pay credentials in public key mode, with a generated or given public key id', () => {
    const credentials = generateSandboxCredentials('WECHATPAY', { channelPublicKeyPem: simulator.publicKeyPem });
    expect(validateCredentials('WECHATPAY', credentials)).toEqual(credentials);
    expect(credentials.publicKeyId).toMatch(new RegExp(`^PUB_KEY_ID_01${credentials.mchId}\\d{22}$`));
    expect(credentials.apiV3Key).toHaveLength(32);
    const named = generateSandboxCredentials('WECHATPAY', { channelPublicKeyPem: simulator.publicKeyPem, channelPublicKeyId: 'PUB_KEY_ID_SIMULATOR' });
    expect(trustedMaterialOf('WECHATPAY', named).map((entry) => entry.serial)).toEqual(['PUB_KEY_ID_SIMULATOR']);
  });

  it('makes WeChat Pay credentials in platform-certificate mode that trust only the given certificate', () => {
    const certificate = buildSelfSignedCertificate({
      privateKeyPem: simulator.privateKeyPem,
      serialHex: '5A'.repeat(20),
      issuer: [['CN', 'Sandbox Root CA']],
      subject: [['CN', 'Sandbox Platform']],
      notBefore: new Date(Date.now() - 3600_000),
      notAfter: new Date(Date.now() + 365 * 24 * 3600_000),
    });
    const credentials = generateSandboxCredentials('WECHATPAY', { channelPublicKeyPem: simulator.publicKeyPem, platformCertificatePem: certificate.toString() });
    expect(validateCredentials('WECHATPAY', credentials)).toEqual(credentials);
    expect(credentials).toMatchObject({ verifyMode: 'PLATFORM_CERT', platformCertificates: [certificate.toString()] });
    expect(credentials.publicKey).toBeUndefined();
    expect(trustedMaterialOf('WECHATPAY', credentials).map((entry) => [entry.kind, entry.serial])).toEqual([['CERTIFICATE', '5A'.repeat(20)]]);
  });

  it('makes EasyPay credentials for the given gateway', () => {
    const credentials = generateSandboxCredentials('EASYPAY', { gatewayUrl: 'http://localhost:3000/sandbox/easypay/' });
    expect(validateCredentials('EASYPAY', credentials)).toEqual(credentials);
    expect(credentials.gatewayUrl).toBe('http://localhost:3000/sandbox/easypay');
  });

  it('generates fresh keys and secrets every time', () => {
    const a = generateSandboxCredentials('WECHATPAY', { channelPublicKeyPem: simulator.publicKeyPem });
    const b = generateSandboxCredentials('WECHATPAY', { channelPublicKeyPem: simulator.publicKeyPem });
    expect(a.privateKey).not.toBe(b.privateKey);
    expect(a.apiV3Key).not.toBe(b.apiV3Key);
  });
});
