import { describe, expect, it } from 'vitest';
import { CALLBACK_ACKS } from './callback-acks';

describe('callback acknowledgements, in each channel’s protocol', () => {
  it.each(['ALIPAY', 'EASYPAY'] as const)('%s: the literal body "success" stops it, anything else makes it call again', (channel) => {
    expect(CALLBACK_ACKS[channel](true)).toEqual({ status: 200, body: 'success', contentType: 'text/plain; charset=utf-8' });
    expect(CALLBACK_ACKS[channel](false).body).not.toBe('success');
  });

  it('WECHATPAY: 200 with no body stops it, a 400 FAIL body makes it retry', () => {
    expect(CALLBACK_ACKS.WECHATPAY(true)).toEqual({ status: 200, body: '', contentType: 'text/plain; charset=utf-8' });
    const retry = CALLBACK_ACKS.WECHATPAY(false);
    expect(retry.status).toBe(400);
    expect(JSON.parse(retry.body)).toMatchObject({ code: 'FAIL' });
  });
});
