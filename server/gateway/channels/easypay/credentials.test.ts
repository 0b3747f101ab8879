import { describe, expect, it } from 'vitest';
import { env } from '@/server/config/env';
import { invalidFields } from '@/server/gateway/credentials/test-support';
import { validateCredentials } from '@/server/gateway/credentials/validate-credentials';
import { publicTargetsOnly } from '@/server/testing/public-targets-only';

const valid = { gatewayUrl: 'https://pay.example.com/', pid: '1001', key: 'Kx8&a=b+c%d' };

describe('validateCredentials EASYPAY', () => {
  it('normalises the gateway URL and keeps the key byte for byte', () => {
    expect(validateCredentials('EASYPAY', valid)).toEqual({ channel: 'EASYPAY', gatewayUrl: 'https://pay.example.com', pid: '1001', key: 'Kx8&a=b+c%d' });
    expect(validateCredentials('EASYPAY', { ...valid, gatewayUrl: 'http://PAY.example.com:8080/epay//' }).gatewayUrl).toBe('http://pay.example.com:8080/epay');
  });

  it.each([
    ['gatewayUrl', 'pay.example.com', 'must be an http(s) URL such as https://pay.example.com'],
    ['gatewayUrl', 'ftp://pay.example.com', 'must start with http:// or https://'],
    ['gatewayUrl', 'https://pay.example.com/?pid=1', 'must not contain a query string or fragment'],
    ['gatewayUrl', 'https://pay.example.com/#top', 'must not contain a query string or fragment'],
    ['gatewayUrl', 'https://user:pw@pay.example.com', 'must not contain a user name or password'],
    ['gatewayUrl', 'https://pay.example.com/submit.php', 'must be the gateway base URL, without submit.php, mapi.php or api.php'],
    ['pid', '10a1', 'must be the merchant ID (商户ID): digits only'],
    ['key', 'Kx8&a=b', 'must be 8 to 128 characters long (this one has 7)'],
    ['key', 'x'.repeat(129), 'must be 8 to 128 characters long (this one has 129)'],
    ['key', 'Kx8&a=b+密钥', 'must contain only printable ASCII characters'],
    ['key', '   ', 'required'],
  ])('refuses %s = %j', (field, value, message) => {
    expect(invalidFields(() => validateCredentials('EASYPAY', { ...valid, [field]: value }))).toEqual({ [`credentials.${field}`]: message });
  });

  it('reports every bad field at once', () => {
    expect(Object.keys(invalidFields(() => validateCredentials('EASYPAY', { gatewayUrl: 'x', pid: null })))).toEqual([
      'credentials.gatewayUrl',
      'credentials.pid',
      'credentials.key',
    ]);
  });
});

describe('validateCredentials EASYPAY payTypes', () => {
  it('keeps the pay type chosen per invoke method and leaves the setting out when unset', () => {
    expect(validateCredentials('EASYPAY', { ...valid, payTypes: { QR: 'wxpay', PC: 'alipay' } }).payTypes).toEqual({ QR: 'wxpay', PC: 'alipay' });
    expect(validateCredentials('EASYPAY', { ...valid, payTypes: {} })).not.toHaveProperty('payTypes');
    expect(validateCredentials('EASYPAY', { ...valid, payTypes: null })).not.toHaveProperty('payTypes');
  });

  it.each([
    [{ QR: 'qqpay' }, 'QR must be one of alipay, wxpay'],
    [{ APP: 'alipay' }, 'only PC, WAP, QR can be set'],
    ['wxpay', 'must be an object such as {"QR": "wxpay"}'],
  ])('refuses payTypes = %j', (payTypes, message) => {
    expect(invalidFields(() => validateCredentials('EASYPAY', { ...valid, payTypes }))).toEqual({ 'credentials.payTypes': message });
  });
});

describe('validateEasyPay gatewayUrl, with public targets only (production)', () => {
  publicTargetsOnly();

  it.each(['http://127.0.0.1:8080', 'http://169.254.169.254/latest', 'http://10.0.0.8/epay', 'http://[::ffff:192.168.1.1]', 'http://[64:ff9b::a9fe:a9fe]', 'http://api.localhost', 'http://198.18.0.1'])('refuses %s', (gatewayUrl) => {
    expect(invalidFields(() => validateCredentials('EASYPAY', { ...valid, gatewayUrl }))).toEqual({ 'credentials.gatewayUrl': 'must be a public address, not a loopback, private or reserved one' });
  });

  it('accepts a public gateway and the built-in simulator', () => {
    expect(validateCredentials('EASYPAY', valid).gatewayUrl).toBe('https://pay.example.com');
    const simulator = `${env().PAYCENTER_BASE_URL}/sandbox/easypay`;
    expect(validateCredentials('EASYPAY', { ...valid, gatewayUrl: simulator }).gatewayUrl).toBe(simulator);
  });
});
