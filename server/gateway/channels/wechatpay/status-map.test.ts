import { describe, expect, it } from 'vitest';
import { ChannelError } from '@/server/gateway/channel-error';
import { reportedFen, WECHAT_MAX_FEN, wechatFen } from './amounts';
import { DESCRIPTION_MAX_BYTES, wechatDescription } from './description';
import { isRetryable, wechatError } from './error-map';
import { mapRefundStatus, mapTradeState } from './status-map';
import { fromWechatTime, toWechatTime } from './wechatpay-time';

describe('WeChat Pay state mappings', () => {
  it('maps trade_state, and anything unknown to pending, never to success', () => {
    expect(mapTradeState('SUCCESS')).toBe('SUCCEEDED');
    expect(mapTradeState('REFUND')).toBe('SUCCEEDED');
    expect(mapTradeState('CLOSED')).toBe('CLOSED');
    expect(mapTradeState('REVOKED')).toBe('CLOSED');
    expect(mapTradeState('PAYERROR')).toBe('FAILED');
    for (const pending of ['NOTPAY', 'USERPAYING']) expect(mapTradeState(pending)).toBe('PENDING');
    for (const odd of [undefined, null, '', 'success', 'SUCCESS ', 'TRADE_SUCCESS', 1]) expect(mapTradeState(odd)).toBe('PENDING');
  });

  it('maps refund status, and anything unknown to processing, never to success', () => {
    expect(mapRefundStatus('SUCCESS')).toBe('SUCCEEDED');
    expect(mapRefundStatus('CLOSED')).toBe('FAILED');
    expect(mapRefundStatus('PROCESSING')).toBe('PROCESSING');
    expect(mapRefundStatus('ABNORMAL')).toBe('PROCESSING');
    for (const odd of [undefined, '', 'success', 'REFUND_SUCCESS', 'FAIL']) expect(mapRefundStatus(odd)).toBe('PROCESSING');
  });
});

describe('WeChat Pay amounts', () => {
  it('passes fen through as integers WeChat accepts', () => {
    expect(wechatFen(1)).toBe(1);
    expect(wechatFen(123456)).toBe(123456);
    expect(wechatFen(WECHAT_MAX_FEN)).toBe(WECHAT_MAX_FEN);
  });

  it.each([0, -1, 0.5, 10.01, WECHAT_MAX_FEN + 1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d before anything is sent', (fen) => {
    const error = (() => {
      try {
        wechatFen(fen);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ channelCode: 'INVALID_AMOUNT', retryable: false });
  });

  it('reads reported amounts only when they are integers', () => {
    expect(reportedFen(1000)).toBe(1000);
    expect(reportedFen(0)).toBe(0);
    for (const odd of ['1000', 10.5, -1, null, undefined, 2 ** 60]) expect(reportedFen(odd)).toBeNull();
  });
});

describe('wechatDescription', () => {
  it('keeps a subject within 127 bytes unchanged', () => {
    expect(wechatDescription('物业费 2026-11 & 停车费')).toBe('物业费 2026-11 & 停车费');
    expect(wechatDescription('a'.repeat(127))).toBe('a'.repeat(127));
  });

  it('cuts at 127 bytes by whole characters, never splitting a UTF-8 character', () => {
    const chinese = '物'.repeat(60); // 180 bytes
    expect(wechatDescription(chinese)).toBe('物'.repeat(42)); // 126 bytes; a 43rd would need 129
    const mixed = `a${'费'.repeat(50)}`;
    const cut = wechatDescription(mixed);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(DESCRIPTION_MAX_BYTES);
    expect(cut).toBe(`a${'费'.repeat(42)}`);
    const emoji = `${'x'.repeat(125)}😀y`; // the emoji (4 bytes) would end at byte 129
    expect(wechatDescription(emoji)).toBe('x'.repeat(125));
    expect(Buffer.from(wechatDescription(chinese)).toString('utf8')).toBe(wechatDescription(chinese));
  });
});

describe('WeChat Pay time', () => {
  it('writes RFC 3339 in China time and reads any offset back', () => {
    const instant = new Date('2026-11-24T16:15:30.789Z');
    expect(toWechatTime(instant)).toBe('2026-11-25T00:15:30+08:00');
    expect(fromWechatTime('2026-11-25T00:15:30+08:00')).toEqual(new Date('2026-11-24T16:15:30Z'));
    expect(fromWechatTime('2018-06-08T10:34:56Z')).toEqual(new Date('2018-06-08T10:34:56Z'));
    for (const odd of ['2026-11-25 00:15:30', '2026-11-25T00:15:30', '', null, 1700000000]) expect(fromWechatTime(odd)).toBeNull();
  });
});

describe('WeChat Pay errors', () => {
  it('retries only what may pass: 5xx, 429, SYSTEM_ERROR and frequency limits', () => {
    expect(isRetryable(500, 'SYSTEM_ERROR')).toBe(true);
    expect(isRetryable(502, undefined)).toBe(true);
    expect(isRetryable(429, 'FREQUENCY_LIMITED')).toBe(true);
    expect(isRetryable(400, 'SYSTEM_ERROR')).toBe(true);
    expect(isRetryable(400, 'PARAM_ERROR')).toBe(false);
    expect(isRetryable(401, 'SIGN_ERROR')).toBe(false);
    expect(isRetryable(403, 'ORDER_PAID')).toBe(false);
    expect(wechatError(400, { code: 'ORDER_CLOSED', message: '订单已关闭' }, null)).toMatchObject({ channelCode: 'ORDER_CLOSED', channelMessage: '订单已关闭', retryable: false });
    expect(wechatError(503, undefined, null)).toMatchObject({ channelCode: 'HTTP_503', retryable: true });
  });
});
