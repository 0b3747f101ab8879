import { describe, expect, it } from 'vitest';
import { MAX_AUTO_ATTEMPTS, nextAttemptAt } from './webhook-schedule';

describe('the webhook retry schedule', () => {
  it('waits 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 1h, 3h, 3h, 3h, 6h, 6h, then gives up after 16 attempts', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const waits: number[] = [];
    for (let failed = 1; ; failed++) {
      const next = nextAttemptAt(failed, now);
      if (!next) break;
      waits.push((next.getTime() - now.getTime()) / 1000);
    }
    expect(waits).toEqual([15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600]);
    expect(MAX_AUTO_ATTEMPTS).toBe(16);
    expect(nextAttemptAt(16, now)).toBeNull();
    // About a day from the first attempt to the last.
    expect(waits.reduce((a, b) => a + b, 0)).toBe(24 * 3600 + 4 * 60);
  });
});
