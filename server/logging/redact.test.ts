import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './redact';

describe('redactSecrets', () => {
  it('removes secrets by key name at any depth and keeps everything else', () => {
    const input = {
      user: 'a@b.c',
      password: 'hunter2hunter2',
      channel: {
        appId: '2021000000000001',
        privateKey: '-----BEGIN PRIVATE KEY-----abc',
        apiV3Key: '0123456789abcdef0123456789abcdef',
        nested: [{ appSecret: 's3cr3t', amount: 1000 }],
      },
      headers: { authorization: 'Bearer x', Cookie: 'next-auth.session-token=y' },
      key: 'easypay-md5-key',
    };
    const out = redactSecrets(input) as typeof input;
    expect(out.user).toBe('a@b.c');
    expect(out.password).toBe(REDACTED);
    expect(out.channel.appId).toBe('2021000000000001');
    expect(out.channel.privateKey).toBe(REDACTED);
    expect(out.channel.apiV3Key).toBe(REDACTED);
    expect(out.channel.nested[0]).toEqual({ appSecret: REDACTED, amount: 1000 });
    expect(out.headers).toEqual({ authorization: REDACTED, Cookie: REDACTED });
    expect(out.key).toBe(REDACTED);
    expect(JSON.stringify(out)).not.toMatch(/hunter2|BEGIN PRIVATE|s3cr3t|easypay-md5-key|0123456789abcdef/);
  });

  it('does not modify the object it is given', () => {
    const input = { password: 'x', inner: { token: 'y' } };
    redactSecrets(input);
    expect(input).toEqual({ password: 'x', inner: { token: 'y' } });
  });
});
