import { describe, expect, it } from 'vitest';
import { nextQueryAt } from './query-schedule';

const createdAt = new Date('2026-12-01T00:00:00Z');
const minutes = (at: Date | null) => (at ? (at.getTime() - createdAt.getTime()) / 60_000 : null);

describe('active query schedule', () => {
  it('asks at +1m, +5m, +15m, then every 15 minutes until expiry', () => {
    const expiresAt = new Date(createdAt.getTime() + 2 * 3600_000);
    expect([0, 1, 2, 3, 4, 7].map((queriesDone) => minutes(nextQueryAt({ createdAt, expiresAt, queriesDone })))).toEqual([1, 5, 15, 30, 45, 90]);
  });

  it('stops at expiry: the expiry sweep closes the attempt instead', () => {
    const expiresAt = new Date(createdAt.getTime() + 10 * 60_000);
    expect(minutes(nextQueryAt({ createdAt, expiresAt, queriesDone: 1 }))).toBe(5);
    expect(nextQueryAt({ createdAt, expiresAt, queriesDone: 2 })).toBeNull();
  });
});
