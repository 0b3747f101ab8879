import { describe, expect, it } from 'vitest';
import { fromBeijingTime, toBeijingTime } from '@/server/gateway/beijing-time';
import { isRetryable } from './error-map';
import { mapTradeStatus } from './status-map';

describe('Alipay mappings', () => {
  it('maps trade statuses, and anything unknown to pending, never to success', () => {
    expect(mapTradeStatus('TRADE_SUCCESS')).toBe('SUCCEEDED');
    expect(mapTradeStatus('TRADE_FINISHED')).toBe('SUCCEEDED');
    expect(mapTradeStatus('TRADE_CLOSED')).toBe('CLOSED');
    expect(mapTradeStatus('WAIT_BUYER_PAY')).toBe('PENDING');
    for (const odd of [undefined, '', 'trade_success', 'SUCCESS', 'TRADE_SUCCESS ']) expect(mapTradeStatus(odd)).toBe('PENDING');
  });

  it('converts Beijing time both ways', () => {
    const instant = new Date('2026-11-24T08:15:30Z');
    expect(toBeijingTime(instant)).toBe('2026-11-24 16:15:30');
    expect(fromBeijingTime('2026-11-24 16:15:30')).toEqual(instant);
    expect(fromBeijingTime('2026-11-24T16:15:30')).toBeNull();
  });

  it('retries only what may pass', () => {
    expect(isRetryable({ code: '20000', sub_code: 'isp.unknow-error' })).toBe(true);
    expect(isRetryable({ code: '40004', sub_code: 'ACQ.SYSTEM_ERROR' })).toBe(true);
    expect(isRetryable({ code: '40004', sub_code: 'ACQ.TRADE_HAS_SUCCESS' })).toBe(false);
    expect(isRetryable({ code: '40002', sub_code: 'isv.invalid-signature' })).toBe(false);
  });
});
