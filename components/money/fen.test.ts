import { describe, expect, it } from 'vitest';
import { fenToYuanInput, formatFen, parseYuanToFen } from './fen';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [1234, '¥12.34'],
    [100, '¥1.00'],
    [123456789, '¥1,234,567.89'],
    [-5, '-¥0.05'],
  ])('%i fen is %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('shows a dash for anything that is not whole fen', () => {
    expect(formatFen(1.5)).toBe('—');
  });
});

describe('parseYuanToFen', () => {
  it.each([
    ['12.34', 1234],
    ['12.3', 1230],
    ['12', 1200],
    ['0.01', 1],
    ['¥1,200.00', 120000],
    [' 0.29 ', 29],
  ])('%s is %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each(['', '1.234', '-1', 'abc', '1e3', '.5'])('rejects %j', (text) => {
    expect(parseYuanToFen(text)).toBeNull();
  });

  it('round-trips with the input format without floating point error', () => {
    for (const fen of [1, 29, 57, 1005, 999_999_999]) expect(parseYuanToFen(fenToYuanInput(fen))).toBe(fen);
  });
});
