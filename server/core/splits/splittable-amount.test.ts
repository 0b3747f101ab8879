import { describe, expect, it } from 'vitest';
import { splittableAmount } from './splittable-amount';

describe('splittableAmount', () => {
  it('is floor(amount × ratio) less what is split, in integer fen', () => {
    expect(splittableAmount({ amount: 1_000, refundReservedAmount: 0, splitAmount: 0 }, 3000)).toBe(300);
    expect(splittableAmount({ amount: 999, refundReservedAmount: 0, splitAmount: 0 }, 3000)).toBe(299);
    expect(splittableAmount({ amount: 1_000, refundReservedAmount: 0, splitAmount: 120 }, 3000)).toBe(180);
  });

  it('never passes what refunds left, and is never negative', () => {
    expect(splittableAmount({ amount: 1_000, refundReservedAmount: 900, splitAmount: 0 }, 3000)).toBe(100);
    expect(splittableAmount({ amount: 1_000, refundReservedAmount: 900, splitAmount: 100 }, 3000)).toBe(0);
    expect(splittableAmount({ amount: 1_000, refundReservedAmount: 1_000, splitAmount: 200 }, 10_000)).toBe(0);
  });

  it('stays exact at the largest amounts', () => {
    expect(splittableAmount({ amount: 100_000_000, refundReservedAmount: 0, splitAmount: 0 }, 3333)).toBe(33_330_000);
  });
});
