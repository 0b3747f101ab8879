import { describe, expect, it } from 'vitest';
import { undeliverableReason } from './deliverable-url';
import { publicOnlyLookup } from './post-webhook';

describe('notify URLs the center calls', () => {
  it('with public targets only, refuses loopback, private, link-local and mapped addresses, and accepts public ones', async () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'http://10.1.2.3/', 'https://192.168.1.10/', 'http://169.254.169.254/latest', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://localhost/']) {
      expect(await undeliverableReason(url, { publicOnly: true }), url).toMatch(/non-public address/);
    }
    expect(await undeliverableReason('https://93.184.215.14/hook', { publicOnly: true })).toBeNull();
  });

  it('allows loopback when private targets are allowed (LAN apps, development), but never other schemes', async () => {
    expect(await undeliverableReason('http://127.0.0.1:8080/hook', { publicOnly: false })).toBeNull();
    expect(await undeliverableReason('file:///etc/passwd', { publicOnly: false })).toMatch(/only http and https/);
    expect(await undeliverableReason('not a url', { publicOnly: false })).toBe('not a valid URL');
  });
});

describe('the connection guard of public-only webhooks', () => {
  const resolve = (hostname: string, all: boolean) =>
    new Promise<unknown>((done) => publicOnlyLookup(hostname, { all }, (error: Error | null, address: unknown) => done(error ?? address)));

  it('fails the connection to a host resolving to loopback, whatever the caller asks for', async () => {
    expect(await resolve('localhost', false)).toMatchObject({ message: expect.stringMatching(/^refused: localhost resolves to the non-public address/) });
    expect(await resolve('localhost', true)).toMatchObject({ message: expect.stringMatching(/non-public/) });
  });
});
