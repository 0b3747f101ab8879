// For the tests: genuine channel material from server/testing/vectors (see each file's `source`), and
// a helper reading the per-field messages of a refused input.
import { generateKeyPairSync } from 'node:crypto';
import { AppError } from '@/server/errors/app-error';
import { readVector } from '@/server/testing/vectors';

interface CertSnVector {
  inputs: { app_cert_public_key_pem: string; alipay_cert_public_key_rsa2_pem: string; alipay_root_cert_pem_bundle?: string };
  expected: { app_cert_sn: string; alipay_cert_sn: string; alipay_root_cert_sn?: string; alipay_public_key_spki_base64?: string };
  negative_cases?: Array<{ description: string; sn: string; expected_equal_to_app_cert_sn: boolean }>;
}

export const alipayNodeSdk = readVector<CertSnVector>('alipay-cert-sn-nodejs-sdk.json');
export const alipaySandbox = readVector<CertSnVector>('alipay-cert-sn-sandbox-yansongda.json');

/** Genuine Tenpay platform certificate 45F59D4D..., valid 2021-07-16 .. 2026-07-15. */
export const wechatPlatformCert = readVector<{ inputs: { platform_certificate_pem: string; platform_certificate_serial: string } }>(
  'wechatpay-response-genuine-h5-platform-cert.json',
).inputs;

/** The Go SDK's published test key pair: private key, its public key, and the certificate holding it. */
const goSdkSign = readVector<{ inputs: { merchant_private_key_pem: string; public_key_pem: string } }>('wechatpay-sign-go-sdk-sha256withrsa.json').inputs;
const goSdkCallback = readVector<{ inputs: { platform_certificate_pem: string } }>('wechatpay-callback-go-sdk-payscore.json').inputs;
export const goSdkKeyPair = {
  privateKeyPem: goSdkSign.merchant_private_key_pem,
  publicKeyPem: goSdkSign.public_key_pem,
  /** Self-signed "Default Company Ltd" certificate of that key, valid 2021-04-27 .. 2031-04-25. */
  certificatePem: goSdkCallback.platform_certificate_pem,
};

/** A moment when the Node SDK's Alipay certificates (2020-05 .. 2022-05) and the Go SDK certificate are all valid. */
export const ALIPAY_CERTS_VALID_AT = new Date('2021-09-01T00:00:00Z');

/** The `details.fields` of the INVALID_REQUEST AppError `run` throws. */
export function invalidFields(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_REQUEST') return error.details?.fields as Record<string, string>;
    throw error;
  }
  throw new Error('expected an INVALID_REQUEST error');
}

/** A fresh RSA key pair as PEM (PKCS#8 private, SPKI public). */
export function rsaKeyPair(modulusLength = 2048): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Certificate-mode Alipay parameters built from the genuine material above. */
export function certModeAlipayInput(extra: Record<string, string> = {}) {
  return {
    appId: '2021001161683774',
    privateKey: goSdkKeyPair.privateKeyPem,
    signMode: 'CERT',
    appCert: goSdkKeyPair.certificatePem,
    alipayPublicCert: alipayNodeSdk.inputs.alipay_cert_public_key_rsa2_pem,
    alipayRootCert: alipayNodeSdk.inputs.alipay_root_cert_pem_bundle,
    ...extra,
  };
}
