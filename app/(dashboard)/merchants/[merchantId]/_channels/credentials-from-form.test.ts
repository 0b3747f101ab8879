import { describe, expect, it } from 'vitest';
import { credentialsFromForm, splitPemCertificates } from './credentials-from-form';

const CERT_A = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----';
const CERT_B = '-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----';

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
}

describe('splitPemCertificates', () => {
  it('splits a bundle into one PEM block per certificate', () => {
    expect(splitPemCertificates(`\n${CERT_A}\n\n${CERT_B}\n`)).toEqual([CERT_A, CERT_B]);
  });

  it('keeps text without an END line as one entry, for the server to explain', () => {
    expect(splitPemCertificates('not a certificate')).toEqual(['not a certificate']);
    expect(splitPemCertificates('  \n ')).toEqual([]);
  });
});

describe('credentialsFromForm', () => {
  it('sends the fields of the chosen Alipay sign mode only, trimmed, empty ones included', () => {
    const data = form({
      'credentials.signMode': 'PUBLIC_KEY',
      'credentials.appId': ' 2021001161683774 ',
      'credentials.privateKey': 'KEY',
      'credentials.alipayPublicKey': 'PUB',
      'credentials.appCert': 'left over from certificate mode',
      'credentials.sellerId': '',
    });
    expect(credentialsFromForm('ALIPAY', data, { onlyFilled: false })).toEqual({
      signMode: 'PUBLIC_KEY',
      appId: '2021001161683774',
      privateKey: 'KEY',
      alipayPublicKey: 'PUB',
      sellerId: '',
    });
  });

  it('turns pasted WeChat Pay platform certificates into a list', () => {
    const data = form({ 'credentials.verifyMode': 'PLATFORM_CERT', 'credentials.platformCertificates': `${CERT_A}\n${CERT_B}` });
    expect(credentialsFromForm('WECHATPAY', data, { onlyFilled: true })).toEqual({ verifyMode: 'PLATFORM_CERT', platformCertificates: [CERT_A, CERT_B] });
  });

  it('leaves empty fields out when editing, so the stored values are kept', () => {
    const data = form({ 'credentials.gatewayUrl': 'https://pay.example.com', 'credentials.pid': '1001', 'credentials.key': '' });
    expect(credentialsFromForm('EASYPAY', data, { onlyFilled: true })).toEqual({ gatewayUrl: 'https://pay.example.com', pid: '1001' });
  });
});
