import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalRequest, hmacSha256Hex, signaturesMatch } from './signature.ts';

describe('app request signature', () => {
  it('builds the canonical string of the contract, each part followed by a newline', () => {
    const canonical = canonicalRequest({
      method: 'post',
      pathWithQuery: '/api/v1/payments?x=1&y=%E4%B8%AD',
      timestamp: '1795000000',
      nonce: 'abcDEF0123456789',
      rawBody: '{"amount":1000}',
    });
    expect(canonical).toBe('POST\n/api/v1/payments?x=1&y=%E4%B8%AD\n1795000000\nabcDEF0123456789\n{"amount":1000}\n');
  });

  it('ends with an empty body line for GET', () => {
    expect(canonicalRequest({ method: 'GET', pathWithQuery: '/api/v1/refunds/R1', timestamp: '1', nonce: 'n'.repeat(16), rawBody: '' })).toBe(
      `GET\n/api/v1/refunds/R1\n1\n${'n'.repeat(16)}\n\n`,
    );
  });

  it('signs with lowercase hex HMAC-SHA256 over the UTF-8 bytes', () => {
    const canonical = 'POST\n/api/v1/payments\n1795000000\nabcDEF0123456789\n{"subject":"物业费"}\n';
    const signature = hmacSha256Hex('pcs_secret', canonical);
    // Independently computed over the raw bytes, as an app in any language would.
    expect(signature).toBe(createHmac('sha256', Buffer.from('pcs_secret')).update(Buffer.from(canonical, 'utf8')).digest('hex'));
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    // A known vector (RFC 4231 test case 2), so the algorithm itself is pinned.
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('compares signatures exactly', () => {
    const signature = hmacSha256Hex('k', 'c');
    expect(signaturesMatch(signature, signature)).toBe(true);
    expect(signaturesMatch(signature, signature.toUpperCase())).toBe(false);
    expect(signaturesMatch(signature, signature.slice(0, 63))).toBe(false);
    expect(signaturesMatch(signature, '')).toBe(false);
  });
});
