import { describe, expect, it } from 'vitest';
import { newSerialNo } from '@/server/core/serial-numbers';
import { checkPathParams } from './path-params';

const codeOf = (params: Record<string, string | string[]>) => {
  try {
    checkPathParams(params);
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('checkPathParams', () => {
  it('accepts serial numbers of their kind and other parameters as they are', () => {
    expect(codeOf({ serialNo: newSerialNo('P'), refundSerialNo: newSerialNo('R'), splitSerialNo: newSerialNo('S'), id: 'anything' })).toBe('ok');
  });

  it('answers 404 for a serial number of the wrong shape or kind', () => {
    expect(codeOf({ serialNo: newSerialNo('R') })).toBe('NOT_FOUND');
    expect(codeOf({ refundSerialNo: 'R1' })).toBe('NOT_FOUND');
    expect(codeOf({ splitSerialNo: `${newSerialNo('S')}x` })).toBe('NOT_FOUND');
  });

  it('answers 400 naming a parameter that holds a control character, before its shape', () => {
    expect(() => checkPathParams({ serialNo: 'P\u0000' })).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST', details: { fields: { serialNo: 'must not contain control characters' } } }));
    expect(codeOf({ path: ['a', 'b\u001f'] })).toBe('INVALID_REQUEST');
  });
});
