import { describe, expect, it } from 'vitest';
import { resolveClientIp } from './client-ip';

const PROXIES = ['127.0.0.1', '10.0.0.0/8', 'fd00::/8'];
const resolve = (peer: string | null, forwardedFor: string | null, trustedProxies: readonly string[] = PROXIES) =>
  resolveClientIp({ peer, forwardedFor, trustedProxies });

describe('resolveClientIp', () => {
  it('is the TCP peer, whatever X-Forwarded-For says, when no proxy is trusted', () => {
    expect(resolve('127.0.0.1', '10.9.9.9', [])).toBe('127.0.0.1');
    expect(resolve('203.0.113.5', '10.9.9.9')).toBe('203.0.113.5');
    expect(resolve(null, '10.9.9.9')).toBeNull();
  });

  it('takes the right-most hop that is not a trusted proxy', () => {
    expect(resolve('127.0.0.1', '198.51.100.2')).toBe('198.51.100.2');
    // The client wrote 10.9.9.9 itself; the proxy appended the address it saw.
    expect(resolve('127.0.0.1', '10.9.9.9, 203.0.113.66')).toBe('203.0.113.66');
    expect(resolve('127.0.0.1', '198.51.100.2, 203.0.113.66, 10.1.2.3')).toBe('203.0.113.66');
  });

  it('is the peer when a trusted proxy forwarded nothing, and the farthest hop when every hop is trusted', () => {
    expect(resolve('10.0.0.5', null)).toBe('10.0.0.5');
    expect(resolve('10.0.0.5', '  ')).toBe('10.0.0.5');
    expect(resolve('10.0.0.5', '10.0.0.7, 10.0.0.6')).toBe('10.0.0.7');
  });

  it('reads IPv6, bracketed and port-suffixed entries, and IPv4-mapped IPv6 as IPv4', () => {
    expect(resolve('::ffff:127.0.0.1', '2001:db8::7')).toBe('2001:db8::7');
    expect(resolve('::FFFF:203.0.113.9', null)).toBe('203.0.113.9');
    expect(resolve('fd00::1', '[2001:db8::8]:4711')).toBe('2001:db8::8');
    expect(resolve('::1', null, ['::1'])).toBe('::1');
    expect(resolve('127.0.0.1', '198.51.100.2:51234')).toBe('198.51.100.2');
    expect(resolve('127.0.0.1', '::ffff:10.0.0.9, ::ffff:198.51.100.3')).toBe('198.51.100.3');
  });

  it('answers null rather than guess when the deciding hop is not an address', () => {
    for (const garbage of ['unknown', '', 'evil.example', '999.1.1.1', '1.2.3.4.5', '[::1', '1.2.3.4:port', '10.9.9.9\u0000']) {
      expect(resolve('127.0.0.1', `10.9.9.9, ${garbage}`), JSON.stringify(garbage)).toBeNull();
    }
    expect(resolve('not an ip', null)).toBeNull();
    // Garbage left of the deciding hop is the client's own writing and does not matter.
    expect(resolve('127.0.0.1', 'garbage, 198.51.100.2')).toBe('198.51.100.2');
  });
});
