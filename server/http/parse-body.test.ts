import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/server/errors/app-error';
import { parseJsonBody, parseQuery } from './parse-body';

const refund = z.strictObject({
  refundNo: z.string().min(1).max(64),
  amount: z.number().int().positive(),
  reason: z.string().max(256).optional(),
  payer: z.strictObject({ clientIp: z.string() }).optional(),
});

function fieldsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('INVALID_REQUEST');
    expect(appError.status).toBe(400);
    return (appError.details as { fields: Record<string, string> }).fields;
  }
  throw new Error('expected a validation failure');
}

describe('parseJsonBody', () => {
  it('returns the parsed, validated object', () => {
    expect(parseJsonBody('{"refundNo":"R-1","amount":300}', refund)).toEqual({ refundNo: 'R-1', amount: 300 });
  });

  it.each(['', '   ', '{', 'null', '[]', '[{"refundNo":"R-1"}]', '"text"', '42', 'true'])('refuses %j as not a JSON object', (raw) => {
    expect(fieldsOf(() => parseJsonBody(raw, refund))).toEqual({ '(body)': 'must be a JSON object' });
  });

  it('names each bad field, nested ones by their path', () => {
    const fields = fieldsOf(() => parseJsonBody('{"refundNo":"","amount":1.5,"payer":{"clientIp":7}}', refund));
    expect(Object.keys(fields).sort()).toEqual(['amount', 'payer.clientIp', 'refundNo']);
  });

  it('names a missing required field', () => {
    expect(Object.keys(fieldsOf(() => parseJsonBody('{"refundNo":"R-1"}', refund)))).toEqual(['amount']);
  });

  it('names each unknown field, also inside nested objects', () => {
    const fields = fieldsOf(() => parseJsonBody('{"refundNo":"R-1","amount":1,"amout":1,"payer":{"clientIp":"1.2.3.4","openid":"x"}}', refund));
    expect(fields).toEqual({ amout: 'is not a known field', 'payer.openid': 'is not a known field' });
  });
});

describe('parseQuery', () => {
  const lookup = z.strictObject({ merchantId: z.string().min(1), orderNo: z.string().min(1), sync: z.enum(['true', 'false']).optional() });

  it('reads the query string', () => {
    const url = new URL('http://x/api/v1/payments?merchantId=mch_1&orderNo=%E8%AE%A2%E5%8D%95-1&sync=true');
    expect(parseQuery(url, lookup)).toEqual({ merchantId: 'mch_1', orderNo: '订单-1', sync: 'true' });
  });

  it('names bad, missing, repeated and unknown parameters', () => {
    const url = new URL('http://x/api/v1/payments?merchantId=a&merchantId=b&sync=yes&limit=5');
    expect(Object.keys(fieldsOf(() => parseQuery(url, lookup))).sort()).toEqual(['limit', 'merchantId', 'orderNo', 'sync']);
  });
});

describe('control characters', () => {
  const note = z.strictObject({ refundNo: z.string(), reason: z.string().optional(), metadata: z.record(z.string(), z.string()).optional() });

  it('refuses a NUL or another C0 control in a body string, by its path', () => {
    expect(fieldsOf(() => parseJsonBody('{"refundNo":"R\\u0000"}', note))).toEqual({ refundNo: 'must not contain control characters' });
    expect(fieldsOf(() => parseJsonBody('{"refundNo":"R","metadata":{"a":"\\u001b","b":"\\u0007"}}', note))).toEqual({
      'metadata.a': 'must not contain control characters',
      'metadata.b': 'must not contain control characters',
    });
    expect(fieldsOf(() => parseJsonBody('{"refundNo":"R","list":[1,"\\u0000"]}', note))).toEqual({ 'list.1': 'must not contain control characters' });
  });

  it('refuses any control character in a key, even a line break', () => {
    expect(fieldsOf(() => parseJsonBody('{"refundNo":"R","metadata":{"a\\nb":"x"}}', note))).toEqual({ 'metadata.a\nb': 'must not contain control characters' });
  });

  it('keeps tab, line feed and carriage return in values', () => {
    expect(parseJsonBody('{"refundNo":"R","reason":"a\\tb\\r\\nc"}', note)).toEqual({ refundNo: 'R', reason: 'a\tb\r\nc' });
  });

  it('refuses any control character in a query parameter, name or value, repeated or not', () => {
    const lookup = z.strictObject({ merchantId: z.string(), orderNo: z.union([z.string(), z.array(z.string())]) });
    expect(fieldsOf(() => parseQuery(new URL('http://x/?merchantId=m&orderNo=a%0A'), lookup))).toEqual({ orderNo: 'must not contain control characters' });
    expect(fieldsOf(() => parseQuery(new URL('http://x/?merchantId=m&orderNo=a&orderNo=%00'), lookup))).toEqual({ orderNo: 'must not contain control characters' });
    expect(fieldsOf(() => parseQuery(new URL('http://x/?merchantId=m&orderNo=a&%01=1'), lookup))).toEqual({ '\u0001': 'must not contain control characters' });
  });
});
