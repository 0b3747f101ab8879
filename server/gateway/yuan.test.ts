import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_FEN, YuanAmountError, fenToYuan, yuanToFen } from './yuan';

describe('fenToYuan', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [99, '0.99'],
    [100, '1.00'],
    [1000, '10.00'],
    [123456, '1234.56'],
    [100000000, '1000000.00'],
    [MAX_FEN, '100000000.00'],
  ])('%i fen is "%s"', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan);
  });

  it.each([-1, 0.5, MAX_FEN + 1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('refuses %d', (fen) => {
    expect(() => fenToYuan(fen)).toThrow(YuanAmountError);
  });
});

describe('yuanToFen', () => {
  it.each([
    ['10.00', 1000],
    ['0.1', 10],
    ['0.01', 1],
    ['0.00', 0],
    ['0', 0],
    ['1', 100],
    ['1.5', 150],
    ['1234.56', 123456],
    ['100000000.00', MAX_FEN],
    ['100000000', MAX_FEN],
  ])('"%s" is %i fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each(['-1.00', '-0.01', '1.001', '0.005', '1e2', '1E2', '1.0e1', 'NaN', 'Infinity', '+1.00', ' 1.00', '1.00 ', '1 .00', '', '.5', '1.', '01.00', '00', '0x10', '1,000.00', '１.00', '1_000'])(
    'refuses "%s"',
    (yuan) => {
      expect(() => yuanToFen(yuan)).toThrow(/is not a yuan amount/);
    },
  );

  it.each(['100000000.01', '100000001', '999999999999999999999.00'])('refuses "%s", above the maximum', (yuan) => {
    expect(() => yuanToFen(yuan)).toThrow(/above the channels' maximum/);
  });
});

describe('fen -> yuan -> fen', () => {
  it('gives back every amount from 0 to 100000 fen', () => {
    for (let fen = 0; fen <= 100_000; fen++) {
      if (yuanToFen(fenToYuan(fen)) !== fen) expect.fail(`${fen} fen did not survive`);
    }
  });

  it('gives back random large amounts up to the maximum, and agrees with BigInt arithmetic', () => {
    for (let round = 0; round < 20_000; round++) {
      const fen = randomInt(0, MAX_FEN + 1);
      const yuan = fenToYuan(fen);
      const big = BigInt(fen);
      expect(yuan).toBe(`${big / 100n}.${String(big % 100n).padStart(2, '0')}`);
      expect(yuanToFen(yuan)).toBe(fen);
    }
  });
});
