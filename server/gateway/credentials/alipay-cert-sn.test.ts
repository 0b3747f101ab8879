import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { alipayCertSn, alipayRootCertSn } from './alipay-cert-sn';
import { alipayNodeSdk, alipaySandbox, wechatPlatformCert } from './test-support';

describe('alipayCertSn', () => {
  it.each([
    ['Node SDK (production)', alipayNodeSdk],
    ['yansongda (sandbox)', alipaySandbox],
  ])('matches the published app and Alipay certificate SNs: %s', (_name, vector) => {
    expect(alipayCertSn(vector.inputs.app_cert_public_key_pem)).toBe(vector.expected.app_cert_sn);
    expect(alipayCertSn(vector.inputs.alipay_cert_public_key_rsa2_pem)).toBe(vector.expected.alipay_cert_sn);
  });

  it('uses the first certificate of a chain, as the SDKs do', () => {
    const chain = alipaySandbox.inputs.alipay_cert_public_key_rsa2_pem + '\n' + wechatPlatformCert.platform_certificate_pem;
    expect(alipayCertSn(chain)).toBe(alipaySandbox.expected.alipay_cert_sn);
  });

  it('accepts a parsed certificate', () => {
    expect(alipayCertSn(new X509Certificate(alipayNodeSdk.inputs.app_cert_public_key_pem))).toBe(alipayNodeSdk.expected.app_cert_sn);
  });

  it('is not the SN of the issuer in DER order (the published negative case)', () => {
    const [negative] = alipayNodeSdk.negative_cases ?? [];
    const derOrder = 'C=CN,O=Ant Financial,OU=Certification Authority,CN=Ant Financial Certification Authority Class 1 R1';
    expect(createHash('md5').update(derOrder + '42701552708448241360226107228231049510').digest('hex')).toBe(negative?.sn);
    expect(alipayCertSn(alipayNodeSdk.inputs.app_cert_public_key_pem)).not.toBe(negative?.sn);
  });

  it('refuses text that holds no certificate', () => {
    expect(() => alipayCertSn('hello')).toThrow(/not a PEM certificate/);
  });
});

describe('alipayRootCertSn', () => {
  it('joins the SNs of the RSA-signed roots only, skipping the SM2 and ECDSA ones', () => {
    expect(alipayRootCertSn(alipayNodeSdk.inputs.alipay_root_cert_pem_bundle ?? '')).toBe(alipayNodeSdk.expected.alipay_root_cert_sn);
  });

  it('keeps bundle order', () => {
    const blocks = (alipayNodeSdk.inputs.alipay_root_cert_pem_bundle ?? '').match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
    const [first, second] = (alipayNodeSdk.expected.alipay_root_cert_sn ?? '').split('_');
    expect(alipayRootCertSn(blocks.toReversed().join('\n'))).toBe(`${second}_${first}`);
  });

  it('refuses a bundle without any RSA certificate', () => {
    const sm2Root = (alipayNodeSdk.inputs.alipay_root_cert_pem_bundle ?? '').match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/)?.[0] ?? '';
    expect(() => alipayRootCertSn(sm2Root)).toThrow(/no RSA certificate/);
  });
});
