import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import Pay from 'wechatpay-node-v3';
import { describe, expect, it } from 'vitest';
import { signedMessage, verifyWechatPaySignature } from './signature';
import { certificateKey, changeChar, h5Response, payscoreCallback, publicKeyEntry, signVector } from './test-vectors';

const stranger = createPublicKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);

describe.each([
  ['genuine WeChat Pay H5 answer (platform certificate)', h5Response],
  ['WeChat Pay Go SDK callback', payscoreCallback],
])('verifyWechatPaySignature: %s', (_name, vector) => {
  const { headers, body } = vector.inputs;
  const trusted = [certificateKey(vector)];
  const check = (changes: { headers?: Record<string, string>; body?: string; trustedKeys?: typeof trusted }) =>
    verifyWechatPaySignature({ headers: changes.headers ?? headers, body: changes.body ?? body, trustedKeys: changes.trustedKeys ?? trusted });

  it('builds the published message and accepts the signature', () => {
    expect(signedMessage(headers['Wechatpay-Timestamp']!, headers['Wechatpay-Nonce']!, body)).toBe(vector.expected.message);
    expect(check({})).toEqual({ ok: true, serial: headers['Wechatpay-Serial'], timestamp: Number(headers['Wechatpay-Timestamp']), nonce: headers['Wechatpay-Nonce'] });
  });

  it('reads headers whatever their case (Node lowercases them), and the serial in either case', () => {
    const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
    expect(check({ headers: lower }).ok).toBe(true);
    expect(check({ headers: new Headers(headers) as unknown as Record<string, string> }).ok).toBe(true);
    expect(check({ headers: { ...headers, 'Wechatpay-Serial': headers['Wechatpay-Serial']!.toLowerCase() } }).ok).toBe(true);
  });

  it('rejects a changed body, signature, timestamp or nonce', () => {
    expect(check({ body: body.replace('"', ' "') })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(check({ body: `${body} ` })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(check({ headers: { ...headers, 'Wechatpay-Signature': changeChar(headers['Wechatpay-Signature']!, 20) } })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(check({ headers: { ...headers, 'Wechatpay-Signature': `${headers['Wechatpay-Signature']} ` } })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(check({ headers: { ...headers, 'Wechatpay-Timestamp': String(Number(headers['Wechatpay-Timestamp']) + 1) } })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(check({ headers: { ...headers, 'Wechatpay-Nonce': `${headers['Wechatpay-Nonce']}x` } })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('finds the key by serial only: an unknown serial, or another key under that serial, fails', () => {
    expect(check({ headers: { ...headers, 'Wechatpay-Serial': '0123456789ABCDEF' } })).toEqual({ ok: false, reason: 'UNKNOWN_SERIAL' });
    expect(check({ trustedKeys: [] })).toEqual({ ok: false, reason: 'UNKNOWN_SERIAL' });
    expect(check({ trustedKeys: [{ ...trusted[0]!, serial: 'SOMETHING_ELSE' }] })).toEqual({ ok: false, reason: 'UNKNOWN_SERIAL' });
    expect(check({ trustedKeys: [publicKeyEntry(headers['Wechatpay-Serial']!, stranger)] })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    // A stranger's key listed under the claimed serial next to the real one does not hide the real one.
    expect(check({ trustedKeys: [publicKeyEntry(headers['Wechatpay-Serial']!, stranger), ...trusted] }).ok).toBe(true);
  });

  it('needs every header, a numeric timestamp and the one signature type WeChat uses', () => {
    for (const name of ['Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Signature', 'Wechatpay-Serial']) {
      const without = Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
      expect(check({ headers: without })).toEqual({ ok: false, reason: 'MISSING_HEADERS' });
    }
    expect(check({ headers: { ...headers, 'Wechatpay-Timestamp': `${headers['Wechatpay-Timestamp']}.0` } })).toEqual({ ok: false, reason: 'MALFORMED_HEADERS' });
    expect(check({ headers: { ...headers, 'Wechatpay-Signature-Type': 'WECHATPAY2-SM2-WITH-SM3' } })).toEqual({ ok: false, reason: 'UNSUPPORTED_SIGNATURE_TYPE' });
    expect(check({ headers: { ...headers, 'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048' } }).ok).toBe(true);
    // WeChat's probe messages carry a signature that is not one.
    expect(check({ headers: { ...headers, 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/abc' } })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  for (const negative of vector.negative_cases.filter((candidate) => candidate.body)) {
    it(`rejects the published negative case: ${negative.description}`, () => {
      expect(check({ body: negative.body })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    });
  }
});

describe('public key mode (PUB_KEY_ID_…)', () => {
  it('verifies with the WeChat Pay public key named by its id', () => {
    // The Go SDK's public key is the key of the payscore callback's certificate.
    const { headers, body } = payscoreCallback.inputs;
    const id = 'PUB_KEY_ID_0112345678902021062400000000000001';
    const trustedKeys = [publicKeyEntry(id, createPublicKey(signVector.inputs.public_key_pem))];
    expect(verifyWechatPaySignature({ headers: { ...headers, 'Wechatpay-Serial': id }, body, trustedKeys }).ok).toBe(true);
    // Ids are compared exactly as issued.
    expect(verifyWechatPaySignature({ headers: { ...headers, 'Wechatpay-Serial': id.toLowerCase() }, body, trustedKeys })).toEqual({ ok: false, reason: 'UNKNOWN_SERIAL' });
  });
});

describe('merchant request signing (the SDK signs our Authorization)', () => {
  const privateKey = Buffer.from(signVector.inputs.merchant_private_key_pem);
  const publicKey = Buffer.from(signVector.inputs.public_key_pem);
  const client = new Pay({ appid: 'wx0000000000000000', mchid: '1900000001', serial_no: 'ABCDEF', publicKey, privateKey });

  it('reproduces the Go SDK known-answer signature, and it verifies with the public key', () => {
    expect(client.sha256WithRsa(signVector.inputs.message)).toBe(signVector.expected.signature);
    const signature = Buffer.from(signVector.expected.signature, 'base64');
    expect(verify('sha256', Buffer.from('source'), createPublicKey(signVector.inputs.public_key_pem), signature)).toBe(true);
    expect(verify('sha256', Buffer.from('wrong source'), createPublicKey(signVector.inputs.public_key_pem), signature)).toBe(false);
  });

  it('signs METHOD\\nPATH?QUERY\\nTIMESTAMP\\nNONCE\\nBODY\\n, the path without the host', () => {
    const body = { mchid: '1900000001', amount: { total: 1 } };
    expect(client.getSignature('POST', 'n0nce', '1700000000', '/v3/pay/transactions/native', body)).toBe(
      client.sha256WithRsa(`POST\n/v3/pay/transactions/native\n1700000000\nn0nce\n${JSON.stringify(body)}\n`),
    );
    expect(client.getSignature('GET', 'n0nce', '1700000000', '/v3/certificates')).toBe(client.sha256WithRsa('GET\n/v3/certificates\n1700000000\nn0nce\n\n'));
  });
});
