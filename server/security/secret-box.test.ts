import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyRingFrom, open, seal, sealedKeyId } from './secret-box';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const ringV1 = keyRingFrom({ PAYCENTER_MASTER_KEY: k1, PAYCENTER_MASTER_KEY_ID: 'k1' });
const ringV2 = keyRingFrom({ PAYCENTER_MASTER_KEY: k2, PAYCENTER_MASTER_KEY_ID: 'k2', PAYCENTER_MASTER_KEY_PREVIOUS: `k1:${k1}` });

describe('secret box', () => {
  it('round-trips and never shows the plaintext', () => {
    const secret = '-----BEGIN PRIVATE KEY-----\nMIIEv…密钥\n-----END PRIVATE KEY-----';
    const sealed = seal(secret, 'PaymentChannel:pay_1:credentials', ringV1);
    expect(sealed).toMatch(/^v1:k1:/);
    expect(sealed).not.toContain('PRIVATE');
    expect(open(sealed, 'PaymentChannel:pay_1:credentials', ringV1)).toBe(secret);
  });

  it('uses a fresh IV every time', () => {
    expect(seal('same', 'a', ringV1)).not.toBe(seal('same', 'a', ringV1));
  });

  it('refuses a ciphertext moved to another row or purpose', () => {
    const sealed = seal('apiv3-key', 'PaymentChannel:pay_1:credentials', ringV1);
    expect(() => open(sealed, 'PaymentChannel:pay_2:credentials', ringV1)).toThrow(/integrity/);
  });

  it('refuses a tampered ciphertext', () => {
    const parts = seal('easypay-key', 'x', ringV1).split(':');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0]! ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => open(parts.join(':'), 'x', ringV1)).toThrow(/integrity/);
  });

  it('reads values sealed under a previous master key after rotation, and seals new ones under the new key', () => {
    const old = seal('app-secret', 'App:app_1', ringV1);
    expect(open(old, 'App:app_1', ringV2)).toBe('app-secret');
    const fresh = seal('app-secret', 'App:app_1', ringV2);
    expect(sealedKeyId(fresh)).toBe('k2');
    expect(() => open(fresh, 'App:app_1', ringV1)).toThrow(/unknown format or master key id "k2"/);
  });
});
