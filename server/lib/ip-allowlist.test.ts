import { describe, expect, it } from 'vitest';
import { ipAllowed } from './ip-allowlist';

describe('ipAllowed', () => {
  const list = ['203.0.113.0/24', '198.51.100.7', '2001:db8:abcd::/48', '2001:db8::1'];

  it('allows any address, or none known, when the list is empty', () => {
    expect(ipAllowed([], '192.0.2.1')).toBe(true);
    expect(ipAllowed([], null)).toBe(true);
  });

  it('matches IPv4 ranges and exact addresses', () => {
    expect(ipAllowed(list, '203.0.113.0')).toBe(true);
    expect(ipAllowed(list, '203.0.113.255')).toBe(true);
    expect(ipAllowed(list, '203.0.114.1')).toBe(false);
    expect(ipAllowed(list, '198.51.100.7')).toBe(true);
    expect(ipAllowed(list, '198.51.100.8')).toBe(false);
  });

  it('matches IPv6 ranges and exact addresses, and IPv4-mapped IPv6 against IPv4 entries', () => {
    expect(ipAllowed(list, '2001:db8:abcd:12::5')).toBe(true);
    expect(ipAllowed(list, '2001:db8:abce::5')).toBe(false);
    expect(ipAllowed(list, '2001:0db8:0000:0000:0000:0000:0000:0001')).toBe(true);
    expect(ipAllowed(list, '2001:db8::2')).toBe(false);
    expect(ipAllowed(list, '::ffff:203.0.113.9')).toBe(true);
  });

  it('refuses unknown or malformed addresses when a list is set', () => {
    expect(ipAllowed(list, null)).toBe(false);
    expect(ipAllowed(list, 'not-an-ip')).toBe(false);
    expect(ipAllowed(list, '203.0.113.9, 10.0.0.1')).toBe(false);
  });

  it('treats /0 as every address of that family', () => {
    expect(ipAllowed(['0.0.0.0/0'], '192.0.2.1')).toBe(true);
    expect(ipAllowed(['0.0.0.0/0'], '2001:db8::1')).toBe(false);
  });
});
