import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, errorBody, toAppError } from './app-error';
import { ERROR_CODES } from './error-codes';

describe('AppError', () => {
  it('maps zod failures to INVALID_REQUEST naming every bad field', () => {
    const schema = z.object({ amount: z.number().int().positive(), payer: z.object({ clientIp: z.ipv4() }) });
    const parsed = schema.safeParse({ amount: -1.5, payer: { clientIp: 'nope' } });
    expect(parsed.success).toBe(false);
    const error = toAppError(parsed.error);
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.status).toBe(400);
    expect(Object.keys(error.details?.fields as object).sort()).toEqual(['amount', 'payer.clientIp']);
    expect(error.message).toContain('amount');
  });

  it("names a strict object's unknown keys, not the object", () => {
    const parsed = z.object({ filters: z.object({ channel: z.string() }).strict() }).safeParse({ filters: { channel: 'ALIPAY', status: 'PAID', shop: 1 } });
    const error = toAppError(parsed.error);
    expect(error.details?.fields).toEqual({ 'filters.status': 'is not a known field', 'filters.shop': 'is not a known field' });
    expect(error.message).toBe('Invalid fields: filters.status, filters.shop');
  });

  it('names unknown keys that are Object.prototype names', () => {
    const parsed = z.strictObject({ amount: z.number() }).safeParse(JSON.parse('{"amount":1,"__proto__":{},"constructor":1,"toString":"x"}'));
    const error = toAppError(parsed.error);
    expect(error.details?.fields).toEqual({ ['__proto__']: 'is not a known field', constructor: 'is not a known field', toString: 'is not a known field' });
    expect(Object.keys(error.details?.fields as object)).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('hides unknown errors behind INTERNAL_ERROR', () => {
    const error = toAppError(new Error('relation "User" does not exist at postgres://u:secret@db'));
    expect(error.code).toBe('INTERNAL_ERROR');
    expect(error.status).toBe(500);
    expect(JSON.stringify(errorBody(error))).not.toMatch(/relation|secret|postgres/);
  });

  it('uses the contract statuses', () => {
    expect(new AppError('MERCHANT_NOT_GRANTED').status).toBe(403);
    expect(new AppError('REFUND_AMOUNT_EXCEEDED').status).toBe(422);
    expect(new AppError('ATTEMPT_TOO_FREQUENT').status).toBe(429);
    expect(new AppError('CHANNEL_ERROR').status).toBe(502);
    for (const [code, spec] of Object.entries(ERROR_CODES)) {
      expect(code, code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(spec.status, code).toBeGreaterThanOrEqual(400);
    }
  });

  it('serialises to the contract error shape', () => {
    const body = errorBody(new AppError('REFUND_AMOUNT_EXCEEDED', undefined, { refundableAmount: 700 }));
    expect(body).toEqual({
      error: { code: 'REFUND_AMOUNT_EXCEEDED', message: ERROR_CODES.REFUND_AMOUNT_EXCEEDED.message, details: { refundableAmount: 700 } },
    });
  });
});
