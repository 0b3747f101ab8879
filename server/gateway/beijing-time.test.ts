import { describe, expect, it } from 'vitest';
import { beijingDay, beijingDayStart, isDay } from './beijing-time';

describe('isDay', () => {
  it('accepts real calendar days and refuses impossible or malformed ones without throwing', () => {
    for (const day of ['2026-12-07', '2024-02-29', '2026-12-31']) expect(isDay(day), day).toBe(true);
    for (const text of ['2026-13-01', '2026-00-10', '2026-02-30', '2025-02-29', '2026-12-32', '2026-12-7', '20261207', '']) expect(isDay(text), text).toBe(false);
  });
});

describe('Beijing days', () => {
  it('start at 16:00 UTC of the day before', () => {
    expect(beijingDayStart('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(beijingDay(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30');
    expect(beijingDay(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12-01');
  });
});
