import { describe, expect, it } from 'vitest';
import { addressSubject, blockAfter } from './login-throttle';

describe('addressSubject', () => {
  it('keeps an IPv4 address, also when IPv4-mapped', () => {
    expect(addressSubject('203.0.113.9')).toBe('203.0.113.9');
    expect(addressSubject('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('counts a whole IPv6 /64 as one client, however it is written', () => {
    expect(addressSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressSubject('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressSubject('::1')).toBe('0:0:0:0::/64');
    expect(addressSubject('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressSubject('2001:db8::4:5:6:1.2.3.4')).toBe('2001:db8:0:4::/64');
  });

  it('puts requests without an address in one shared bucket', () => {
    expect(addressSubject(null)).toBe('unknown');
    expect(addressSubject('')).toBe('unknown');
  });
});

describe('blockAfter', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  const wait = (scope: 'ADDRESS' | 'ACCOUNT', failures: number) => {
    const until = blockAfter({ scope, failures, now });
    return until && (until.getTime() - now.getTime()) / 1000;
  };

  it('makes an address wait 1 s after its 5th failure, doubling up to 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 14, 15, 40, 10_000].map((n) => wait('ADDRESS', n))).toEqual([null, null, 1, 2, 4, 512, 900, 900, 900]);
  });

  it('keeps an account wait mild: from the 10th failure, 30 s at most', () => {
    expect([9, 10, 11, 14, 15, 100].map((n) => wait('ACCOUNT', n))).toEqual([null, 1, 2, 16, 30, 30]);
  });
});
