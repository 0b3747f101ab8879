import { describe, expect, it } from 'vitest';
import { AppError } from '@/server/errors/app-error';
import { resolvePeriod } from './overview-period';

// 2026-03-10 00:30 in Beijing, still the 9th in UTC: days are Beijing days.
const now = new Date('2026-03-09T16:30:00Z');

function badField(input: Parameters<typeof resolvePeriod>[0]): unknown {
  try {
    resolvePeriod(input, now);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return (error as AppError).details?.fields;
  }
  throw new Error('accepted');
}

describe('resolvePeriod', () => {
  it('counts back from today in Beijing', () => {
    expect(resolvePeriod({ period: 'today' }, now)).toEqual({ from: '2026-03-10', to: '2026-03-10' });
    expect(resolvePeriod({ period: '7d' }, now)).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(resolvePeriod({ period: '30d' }, now)).toEqual({ from: '2026-02-09', to: '2026-03-10' });
  });

  it('takes a whole past month, and the current one up to today', () => {
    expect(resolvePeriod({ period: 'month', month: '2024-02' }, now)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(resolvePeriod({ period: 'month', month: '2025-12' }, now)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(resolvePeriod({ period: 'month', month: '2026-03' }, now)).toEqual({ from: '2026-03-01', to: '2026-03-10' });
  });

  it('takes a custom range of up to 366 days', () => {
    expect(resolvePeriod({ period: 'custom', from: '2025-03-10', to: '2026-03-10' }, now)).toEqual({ from: '2025-03-10', to: '2026-03-10' });
    expect(badField({ period: 'custom', from: '2025-03-09', to: '2026-03-10' })).toEqual({ to: 'is more than 366 days from from' });
  });

  it('names the field of a day out of range or a reversed range', () => {
    expect(badField({ period: 'custom', from: '1999-12-31', to: '2000-01-05' })).toEqual({ from: 'is before 2000-01-01' });
    expect(badField({ period: 'custom', from: '2026-03-10', to: '2026-03-11' })).toEqual({ to: 'is after today (Asia/Shanghai)' });
    expect(badField({ period: 'custom', from: '2026-03-05', to: '2026-03-04' })).toEqual({ to: 'is before from' });
    expect(badField({ period: 'month', month: '1999-12' })).toEqual({ month: 'is before 2000-01' });
    expect(badField({ period: 'month', month: '2026-04' })).toEqual({ month: 'has not begun' });
  });

  it('names a bound that is missing, or given with a period that does not take it', () => {
    expect(badField({ period: 'custom', to: '2026-03-01' })).toEqual({ from: 'is required with period custom' });
    expect(badField({ period: 'month' })).toEqual({ month: 'is required with period month' });
    expect(badField({ period: '7d', from: '2026-03-01' })).toEqual({ from: 'is only allowed with period custom' });
    expect(badField({ period: 'today', month: '2026-03' })).toEqual({ month: 'is only allowed with period month' });
  });
});
