import { describe, expect, it } from 'vitest';
import { changeOf } from './change';

describe('changeOf', () => {
  it('moves amounts and counts by a percentage of the previous figure', () => {
    expect(changeOf(15_000, 10_000, 'percent')).toEqual({ kind: 'percent', direction: 'up', value: 0.5 });
    expect(changeOf(7, 10, 'percent')).toEqual({ kind: 'percent', direction: 'down', value: 0.3 });
    expect(changeOf(-50, -100, 'percent')).toEqual({ kind: 'percent', direction: 'up', value: 0.5 });
  });

  it('moves rates by percentage points', () => {
    expect(changeOf(0.03, 0.02, 'points')).toEqual({ kind: 'points', direction: 'up', value: expect.closeTo(1, 10) });
    expect(changeOf(0.5, 0.75, 'points')).toEqual({ kind: 'points', direction: 'down', value: 25 });
  });

  it('says nothing to compare when the previous period had no figure', () => {
    expect(changeOf(100, 0, 'percent')).toEqual({ kind: 'none' });
    expect(changeOf(0.5, null, 'points')).toEqual({ kind: 'none' });
    expect(changeOf(null, 0.5, 'points')).toEqual({ kind: 'none' });
  });

  it('calls movements too small to show the same', () => {
    expect(changeOf(0, 0, 'percent')).toEqual({ kind: 'same' });
    expect(changeOf(100_001, 100_000, 'percent')).toEqual({ kind: 'same' });
    expect(changeOf(0.2, 0.2004, 'points')).toEqual({ kind: 'same' });
  });
});
