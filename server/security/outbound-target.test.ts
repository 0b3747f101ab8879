import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendGuardedRequest } from './guarded-request';
import { isNonPublicAddress, publicOnlyLookup, undeliverableReason, urlTargetProblem } from './outbound-target';

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

describe('non-public addresses', () => {
  // One address inside each range the guard refuses, beside its neighbour just outside where there is one.
  it.each([
    ['64:ff9b::a9fe:a9fe', 'NAT64 (RFC 6052) of 169.254.169.254', '64:ff9c::1'],
    ['64:ff9b:1::a00:1', 'local-use NAT64 (RFC 8215)', null],
    ['2002:7f00:1::1', '6to4 of 127.0.0.1', '2003::1'],
    ['::7f00:1', 'IPv4-compatible ::127.0.0.1', null],
    ['::a9fe:a9fe', 'IPv4-compatible ::169.254.169.254', null],
    ['fec0::1', 'site-local', 'ff00::1'],
    ['2001:0:4136:e378::1', 'Teredo', null],
    ['198.18.0.1', 'benchmarking', '198.20.0.1'],
    ['198.19.255.255', 'benchmarking, top', null],
    ['192.0.0.8', 'IETF protocol assignments', '192.0.1.1'],
    ['192.0.2.1', 'documentation', null],
    ['::ffff:10.0.0.1', 'IPv4-mapped private', null],
    ['::ffff:a00:1', 'IPv4-mapped private, hex', null],
  ])('refuses %s (%s)', (address, _range, outside) => {
    expect(isNonPublicAddress(address)).toBe(true);
    if (outside && !outside.startsWith('ff')) expect(isNonPublicAddress(outside)).toBe(false);
  });

  it('judges an IPv4-mapped address by its IPv4 address', () => {
    expect(isNonPublicAddress('::ffff:93.184.215.14')).toBe(false);
    expect(isNonPublicAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isNonPublicAddress('2606:4700::1111')).toBe(false);
  });

  it('judges a URL literal however it is written', () => {
    for (const url of ['http://[64:ff9b::7f00:1]/', 'http://[2002:a00:1::]/', 'http://[::127.0.0.1]/', 'http://[fec0::1]/', 'http://198.18.0.1/', 'http://192.0.0.170/', 'http://0x7f.1/', 'http://2130706433/', 'http://api.localhost./', 'http://[::ffff:169.254.169.254]/']) {
      expect(urlTargetProblem(url, { publicOnly: true }), url).toMatch(/non-public address/);
    }
    expect(urlTargetProblem('https://pay.example.com/hook', { publicOnly: true })).toBeNull();
  });
});

describe('the connection guard of public-only requests', () => {
  const resolve = (hostname: string, all: boolean) =>
    new Promise<unknown>((done) => publicOnlyLookup(hostname, { all }, (error: Error | null, address: unknown) => done(error ?? address)));

  it('fails the connection to a host resolving to loopback, whatever the caller asks for', async () => {
    expect(await resolve('localhost', false)).toMatchObject({ message: expect.stringMatching(/^refused: localhost resolves to the non-public address/) });
    expect(await resolve('localhost', true)).toMatchObject({ message: expect.stringMatching(/non-public/) });
  });

  describe('sendGuardedRequest', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer((_request, response) => response.end('reached'));
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => server.close());
    const send = (host: string, publicOnly: boolean) => sendGuardedRequest({ url: `http://${host}:${port}/`, method: 'GET', headers: {}, timeoutMs: 2_000, maxBytes: 100, publicOnly });

    it('never connects to a non-public literal or a name resolving to one when public-only', async () => {
      await expect(send('127.0.0.1', true)).rejects.toThrow(/^refused: 127\.0\.0\.1 is a non-public address/);
      await expect(send('[::ffff:127.0.0.1]', true)).rejects.toThrow(/^refused: /);
      await expect(send('localhost.', true)).rejects.toThrow(/^refused: localhost always resolves to a non-public address/);
      // A name refused only by the addresses it resolves to, on the connection: the machine's own (loopback or private).
      await expect(send(hostname(), true)).rejects.toThrow(/^refused: .* resolves to the non-public address/);
    });

    it('connects when private targets are allowed', async () => {
      expect((await send('127.0.0.1', false)).body.toString()).toBe('reached');
    });
  });
});
