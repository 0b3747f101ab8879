import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FEN, fenToYuan } from '@/server/gateway/yuan';
import { billDecimal, billFen } from './bill-amounts';
import { addDecimal, formatDecimal, parseDecimal, sameDecimal, type Decimal } from './decimal';

const place = { line: 7, column: '订单金额' };
const signedFen = fc.integer({ min: -MAX_FEN, max: MAX_FEN });
const written = (fen: number) => (fen < 0 ? `-${fenToYuan(-fen)}` : fenToYuan(fen));

describe('billFen', () => {
  it('gives back every signed amount written the way bills write it', () => {
    fc.assert(fc.property(signedFen, (fen) => billFen(written(fen), place) === fen));
  });

  it('agrees with integer arithmetic on yuan with one or two decimals, where floats do not (0.29 * 100)', () => {
    expect(0.29 * 100).not.toBe(29);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: BigInt(MAX_FEN / 100) - 1n }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (whole, cents, short) => {
        const text = short && cents % 10 === 0 ? `${whole}.${cents / 10}` : `${whole}.${String(cents).padStart(2, '0')}`;
        return BigInt(billFen(text, place)) === whole * 100n + BigInt(cents);
      }),
    );
  });

  it('refuses fractions of a fen and anything that is not plain yuan, naming the place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 1, max: 9 }), (yuan, tail) => {
        expect(() => billFen(`${yuan}.00${tail}`, place)).toThrow(/^line 7, column 订单金额: .* is not a yuan amount/);
      }),
    );
    for (const text of ['1e2', '', ' 1.00', '1,000.00', '--1.00', 'NaN']) expect(() => billFen(text, place)).toThrow(/is not a yuan amount/);
  });
});

describe('decimals at the bill\'s precision', () => {
  const decimal = fc.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 })).map(([units, scale]): Decimal => ({ units, scale }));

  it('are written back exactly as parsed', () => {
    fc.assert(fc.property(decimal, (value) => sameDecimal(parseDecimal(formatDecimal(value)) ?? { units: 1n, scale: 99 }, value)));
    expect(formatDecimal(parseDecimal('-0.27000')!)).toBe('-0.27000');
    expect(formatDecimal(parseDecimal('0.00040')!)).toBe('0.00040');
  });

  it('add up exactly, at the finer scale, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 30 }), (values) => {
        const forward = values.reduce(addDecimal, { units: 0n, scale: 0 });
        const backward = [...values].reverse().reduce(addDecimal, { units: 0n, scale: 0 });
        const scale = Math.max(0, ...values.map((value) => value.scale));
        const exact = values.reduce((sum, value) => sum + value.units * 10n ** BigInt(scale - value.scale), 0n);
        return sameDecimal(forward, backward) && forward.scale === scale && forward.units === exact;
      }),
    );
  });

  it('keep the fee total\'s written precision: 0.00006 + -0.00002 is "0.00004"', () => {
    const fees = ['0.00006', '-0.00002'].map((text) => billDecimal(text, place));
    expect(formatDecimal(fees.reduce(addDecimal))).toBe('0.00004');
    expect(() => billDecimal('0.1.2', place)).toThrow(/^line 7, column 订单金额: "0.1.2" is not an amount/);
  });
});
