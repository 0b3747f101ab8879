import { describe, expect, it } from 'vitest';
import { rawJsonMembers } from './raw-json-members';

function rawValues(text: string): Record<string, string> {
  return Object.fromEntries([...rawJsonMembers(text)].map(([key, { start, end }]) => [key, text.slice(start, end)]));
}

describe('rawJsonMembers', () => {
  it('gives each value as written, escapes included', () => {
    const text = '{"a_response":{"url":"https:\\/\\/x.cn\\/a","q":"\\"}]\\\\"},"n":-1.5e3,"t":true,"z":null,"l":[1,{"b":"]"}],"sign":"ab\\/c=="}';
    expect(rawValues(text)).toEqual({
      a_response: '{"url":"https:\\/\\/x.cn\\/a","q":"\\"}]\\\\"}',
      n: '-1.5e3',
      t: 'true',
      z: 'null',
      l: '[1,{"b":"]"}]',
      sign: '"ab\\/c=="',
    });
  });

  it('skips whitespace between tokens without taking it into the values', () => {
    expect(rawValues(' {\n  "a" : { "b" : 1 } ,\r\n\t"c":2 }\n')).toEqual({ a: '{ "b" : 1 }', c: '2' });
    expect(rawValues('{ }')).toEqual({});
  });

  it('keys members by their decoded name and refuses a repeated one', () => {
    expect(rawValues('{"\\u0073ign":"x"}')).toEqual({ sign: '"x"' });
    expect(() => rawJsonMembers('{"sign":"a","sign":"b"}')).toThrow(/"sign" appears more than once/);
    expect(() => rawJsonMembers('{"sign":"a","\\u0073ign":"b"}')).toThrow(/appears more than once/);
  });

  it('refuses anything but one well-formed JSON object', () => {
    for (const text of ['', '[]', '"x"', 'null', '{"a":1', '{"a":1}{', "{'a':1}", '\uFEFF{}']) {
      expect(() => rawJsonMembers(text)).toThrow(SyntaxError);
    }
  });
});
