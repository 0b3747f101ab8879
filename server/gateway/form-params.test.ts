import { describe, expect, it } from 'vitest';
import { FormParamsError, parseFormParams } from '@/server/gateway/form-params';
import { notifyVectors } from './channels/alipay/test-vectors';

describe('parseFormParams', () => {
  it('keeps a literal plus sent as %2B and turns + into a space', () => {
    expect(parseFormParams('subject=yansongda%2B%E6%B5%8B%E8%AF%95-1&gmt_create=2022-09-18+13%3A29%3A48')).toEqual({
      subject: 'yansongda+测试-1',
      gmt_create: '2022-09-18 13:29:48',
    });
  });

  it('decodes UTF-8 Chinese subjects, percent-encoded or sent as is', () => {
    expect(parseFormParams('subject=%E8%AF%AD%E9%9B%80%E7%A9%BA%E9%97%B4+500%E4%BA%BA%E8%A7%84%E6%A8%A1')).toEqual({ subject: '语雀空间 500人规模' });
    expect(parseFormParams('subject=物业费')).toEqual({ subject: '物业费' });
  });

  it('keeps the arrival order, empty values, and a value that holds "="', () => {
    const params = parseFormParams('b=2&a=&c&d=x%3Dy=z');
    expect(Object.entries(params)).toEqual([
      ['b', '2'],
      ['a', ''],
      ['c', ''],
      ['d', 'x=y=z'],
    ]);
  });

  it('refuses a repeated parameter, even when the repeat is percent-encoded', () => {
    expect(() => parseFormParams('total_amount=0.01&total_amount=100.00')).toThrow(FormParamsError);
    expect(() => parseFormParams('total_amount=0.01&total_amount=100.00')).toThrow(/"total_amount" appears more than once/);
    expect(() => parseFormParams('total_amount=0.01&total%5Famount=100.00')).toThrow(/appears more than once/);
  });

  it('refuses broken percent-escapes, non-UTF-8 bytes and nameless parameters', () => {
    expect(() => parseFormParams('subject=%E6%B5')).toThrow(/malformed form body/);
    expect(() => parseFormParams('subject=100%')).toThrow(/malformed form body/);
    expect(() => parseFormParams('subject=%D5%E2')).toThrow(/malformed form body/); // GBK
    expect(() => parseFormParams('=value')).toThrow(/has no name/);
  });

  it('keeps "__proto__" as an ordinary parameter', () => {
    const params = parseFormParams('__proto__=x&a=1');
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(Object.keys(params)).toEqual(['__proto__', 'a']);
  });

  it.each(notifyVectors.map((vector) => [vector.file, vector] as const))('gives back the exact parameters of %s', (_file, vector) => {
    const body = vector.inputs.form_urlencoded_body_derived ?? vector.inputs.return_url_query;
    expect(parseFormParams(body ?? '')).toEqual(vector.inputs.params ?? vector.inputs.params_decoded);
  });
});
