import { describe, expect, it } from 'vitest';
import { isIpOrCidr } from './ip-or-cidr';

describe('isIpOrCidr', () => {
  it.each(['203.0.113.7', '10.0.0.0/8', '0.0.0.0/0', '2001:db8::1', '2001:db8::/32', '::1'])('accepts %s', (value) => {
    expect(isIpOrCidr(value)).toBe(true);
  });

  it.each(['203.0.113', '256.1.1.1', '01.2.3.4', '10.0.0.0/33', '2001:db8::/129', 'example.com', '1.2.3.4/8/1', '1.2.3.4/'])('rejects %s', (value) => {
    expect(isIpOrCidr(value)).toBe(false);
  });
});
