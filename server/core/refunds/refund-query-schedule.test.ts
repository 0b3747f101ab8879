import { describe, expect, it } from 'vitest';
import { nextRefundQueryAt } from './refund-query-schedule';

describe('nextRefundQueryAt', () => {
  it('backs off 1m, 5m, 15m, 1h, then every 6h', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const minutes = [0, 1, 2, 3, 4, 5, 40].map((queriesDone) => (nextRefundQueryAt({ now, queriesDone }).getTime() - now.getTime()) / 60_000);
    expect(minutes).toEqual([1, 5, 15, 60, 360, 360, 360]);
  });
});
