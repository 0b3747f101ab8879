import { describe, expect, it } from 'vitest';
import { isSerialNo, newSerialNo } from './serial-numbers';

describe('serial numbers', () => {
  it('fit out_trade_no: at most 32 characters of [0-9A-Za-z]', () => {
    for (let i = 0; i < 200; i++) expect(newSerialNo('P')).toMatch(/^[0-9A-Za-z]{1,32}$/);
  });

  it('carry the time in China and sort by creation time', () => {
    expect(newSerialNo('P', new Date('2026-11-24T00:15:30.123Z')).slice(0, 18)).toBe('P20261124081530123');
    const times = [0, 1, 999, 60_000, 86_400_000].map((ms) => new Date(Date.UTC(2026, 10, 24) + ms));
    const serials = times.map((time) => newSerialNo('R', time));
    expect([...serials].sort()).toEqual(serials);
  });

  it('are unique and unguessable within one millisecond', () => {
    const now = new Date();
    const serials = new Set(Array.from({ length: 5000 }, () => newSerialNo('P', now)));
    expect(serials.size).toBe(5000);
  });

  it('isSerialNo accepts only the right kind and shape', () => {
    const serial = newSerialNo('P');
    expect(isSerialNo(serial, 'P')).toBe(true);
    expect(isSerialNo(serial, 'R')).toBe(false);
    expect(isSerialNo(`${serial}x`, 'P')).toBe(false);
    expect(isSerialNo("P2026' OR 1=1--", 'P')).toBe(false);
  });
});
