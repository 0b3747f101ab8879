import { describe, expect, it } from 'vitest';
import { trpcTransformer } from './trpc-transformer';

const roundTrip = <T>(value: T): T => trpcTransformer.deserialize<T>(JSON.parse(JSON.stringify(trpcTransformer.serialize(value))));

describe('the dashboard tRPC transformer', () => {
  it('keeps Dates as Dates', () => {
    const at = new Date('2026-12-07T08:00:00.000Z');
    expect(roundTrip({ payment: { createdAt: at, amount: 1000 } })).toEqual({ payment: { createdAt: at, amount: 1000 } });
  });

  it('carries free-form data with prototype keys (superjson alone throws on them)', () => {
    const metadata = JSON.parse('{"constructor":"A-12","__proto__":{"polluted":true},"prototype":"p","room":"1201"}') as Record<string, unknown>;
    const back = roundTrip({ payment: { metadata, paidAt: new Date(0) } });
    expect(Object.keys(back.payment.metadata)).toEqual(['constructor', '__proto__', 'prototype', 'room']);
    expect(back.payment.metadata.constructor).toBe('A-12');
    expect(back.payment.paidAt).toEqual(new Date(0));
    // Parsed as plain data: nothing reached any prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('carries an error naming such a field', () => {
    const error = { data: { appCode: 'INVALID_REQUEST', details: { fields: { constructor: 'must not contain control characters' } } } };
    expect(roundTrip(error)).toEqual(error);
  });
});
