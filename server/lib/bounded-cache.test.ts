import { describe, expect, it, vi } from 'vitest';
import { boundedCache } from './bounded-cache';

describe('boundedCache', () => {
  it('derives once per key and source, and again when the source changes', () => {
    const cache = boundedCache<string>({ maxEntries: 10 });
    const derive = vi.fn((source: string) => `derived ${source}`);
    expect(cache.get('a', 'v1', () => derive('v1'))).toBe('derived v1');
    expect(cache.get('a', 'v1', () => derive('v1'))).toBe('derived v1');
    expect(derive).toHaveBeenCalledTimes(1);
    expect(cache.get('a', 'v2', () => derive('v2'))).toBe('derived v2');
    expect(derive).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(1);
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = boundedCache<number>({ maxEntries: 2 });
    cache.get('a', 's', () => 1);
    cache.get('b', 's', () => 2);
    cache.get('a', 's', () => -1);
    cache.get('c', 's', () => 3);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 's', () => -1)).toBe(1);
    expect(cache.get('b', 's', () => 20)).toBe(20);
  });

  it('keeps nothing when deriving throws', () => {
    const cache = boundedCache<number>({ maxEntries: 2 });
    expect(() => cache.get('a', 's', () => { throw new Error('bad'); })).toThrow('bad');
    expect(cache.size).toBe(0);
    expect(cache.get('a', 's', () => 1)).toBe(1);
  });
});
