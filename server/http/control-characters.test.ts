import { describe, expect, it } from 'vitest';
import { carriesNul, controlCharacterFields, hasControlCharacter } from './control-characters';

describe('control characters', () => {
  it('finds any C0 control in a one-line string', () => {
    expect(['a\u0000', 'a\n', '\u001f', 'a\tb'].every(hasControlCharacter)).toBe(true);
    expect(['', '订单-1', 'a b', '\u007f', '\u0085'].some(hasControlCharacter)).toBe(false);
  });

  it('names the JSON fields holding a control character other than tab and line breaks', () => {
    expect(controlCharacterFields({ a: 'x\u0000', b: { c: ['ok', 'y\u0008'], 'd\n': 'z' }, e: 'line\r\nline\t', f: 1, g: null })).toEqual(['a', 'b.c.1', 'b.d\n']);
    expect(controlCharacterFields('\u0000')).toEqual(['(body)']);
  });

  it('sees a NUL in a callback, raw, form-encoded or JSON-escaped', () => {
    expect(['a\u0000', 'out_trade_no=P%00', '{"id":"\\u0000"}'].every(carriesNul)).toBe(true);
    expect(['out_trade_no=P%2500', 'a=%0A', 'sign=abc%2B', '{"id":"\\u00e9"}'].some(carriesNul)).toBe(false);
  });
});
