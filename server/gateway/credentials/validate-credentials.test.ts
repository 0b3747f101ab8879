import { describe, expect, it } from 'vitest';
import type { ChannelKind } from './types';
import { invalidFields } from './test-support';
import { validateCredentials } from './validate-credentials';

describe('validateCredentials', () => {
  it('refuses input that is not an object of credentials', () => {
    for (const input of [null, 'key', ['a']]) {
      expect(invalidFields(() => validateCredentials('EASYPAY', input))).toEqual({ credentials: 'must be an object of channel credentials' });
    }
  });

  it('refuses an unknown channel', () => {
    expect(invalidFields(() => validateCredentials('PAYPAL' as ChannelKind, {}))).toEqual({ channel: 'must be one of ALIPAY, WECHATPAY, EASYPAY' });
  });

  it('ignores unknown fields and a stored channel tag', () => {
    const credentials = validateCredentials('EASYPAY', { channel: 'ALIPAY', extra: 1, gatewayUrl: 'https://pay.example.com', pid: '1', key: '12345678' });
    expect(credentials).toEqual({ channel: 'EASYPAY', gatewayUrl: 'https://pay.example.com', pid: '1', key: '12345678' });
  });
});
