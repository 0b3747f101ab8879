import { describe, expect, it } from 'vitest';
import { bpsToPercent, percentToBps } from './split-ratio';

describe('split ratio', () => {
  it('shows basis points as the shortest percentage', () => {
    expect(bpsToPercent(3000)).toBe('30');
    expect(bpsToPercent(1250)).toBe('12.5');
    expect(bpsToPercent(1)).toBe('0.01');
    expect(bpsToPercent(10_000)).toBe('100');
  });

  it('reads a typed percentage exactly, with at most two decimals', () => {
    expect(percentToBps('30', 3000)).toBe(3000);
    expect(percentToBps(' 12.5 ', 3000)).toBe(1250);
    expect(percentToBps('0.01', 3000)).toBe(1);
    // 0.29 × 100 is 28.999… in floating point: the string arithmetic keeps 29.
    expect(percentToBps('0.29', 3000)).toBe(29);
  });

  it('refuses anything outside 0.01 %..the ceiling or not a plain number', () => {
    expect(percentToBps('30.01', 3000)).toBeNull();
    expect(percentToBps('0', 3000)).toBeNull();
    expect(percentToBps('12.345', 3000)).toBeNull();
    expect(percentToBps('-5', 3000)).toBeNull();
    expect(percentToBps('1e1', 3000)).toBeNull();
    expect(percentToBps('', 3000)).toBeNull();
    expect(percentToBps('100', 10_000)).toBe(10_000);
  });
});
