import { describe, expect, it } from 'vitest';
import { newId, randomBase62 } from './ids';

describe('ids', () => {
  it('makes prefixed opaque ids of base62 characters', () => {
    expect(newId('usr')).toMatch(/^usr_[0-9A-Za-z]{20}$/);
    expect(randomBase62(64)).toMatch(/^[0-9A-Za-z]{64}$/);
  });

  it('does not repeat and uses the whole alphabet', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => newId('co')));
    expect(ids.size).toBe(5000);
    const seen = new Set(randomBase62(20000));
    expect(seen.size).toBe(62);
  });
});
