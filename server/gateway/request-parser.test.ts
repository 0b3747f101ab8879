import { describe, expect, it } from 'vitest';
import { AppError } from '@/server/errors/app-error';
import { CHANNEL_INVOKE_METHODS } from '@/server/contract/invoke-methods';
import { parseRequest } from './request-parser';

const all = ['PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR'] as const;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
}

describe('request parser', () => {
  it.each([
    ['ALIPAY', 'PC', 'alipay.trade.page.pay', 'REDIRECT'],
    ['ALIPAY', 'WAP', 'alipay.trade.wap.pay', 'REDIRECT'],
    ['ALIPAY', 'APP', 'alipay.trade.app.pay', 'SDK_PARAMS'],
    ['ALIPAY', 'QR', 'alipay.trade.precreate', 'QR_CODE'],
    ['ALIPAY', 'MINI_PROGRAM', 'alipay.trade.create', 'SDK_PARAMS'],
    ['WECHATPAY', 'PC', 'wechatpay.native', 'CHECKOUT'],
    ['WECHATPAY', 'QR', 'wechatpay.native', 'QR_CODE'],
    ['WECHATPAY', 'WAP', 'wechatpay.h5', 'REDIRECT'],
    ['WECHATPAY', 'APP', 'wechatpay.app', 'SDK_PARAMS'],
    ['EASYPAY', 'PC', 'easypay.submit', 'REDIRECT'],
    ['EASYPAY', 'QR', 'easypay.mapi', 'QR_CODE'],
  ] as const)('%s + %s → %s (%s)', (channel, invokeMethod, method, action) => {
    expect(parseRequest({ channel, invokeMethod, enabled: all, payerBuyerId: '2088102177846880', payerClientIp: '203.0.113.7' })).toMatchObject({ method, action });
  });

  it('requires the buyer for Alipay mini program payments', () => {
    expect(codeOf(() => parseRequest({ channel: 'ALIPAY', invokeMethod: 'MINI_PROGRAM', enabled: all }))).toBe('INVALID_REQUEST');
  });

  it('pays by JSAPI inside WeChat when the payer openId is known, and requires it for mini programs', () => {
    expect(parseRequest({ channel: 'WECHATPAY', invokeMethod: 'WAP', enabled: all, payerOpenId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' }).method).toBe('wechatpay.jsapi');
    expect(parseRequest({ channel: 'WECHATPAY', invokeMethod: 'MINI_PROGRAM', enabled: all, payerOpenId: 'o1' }).method).toBe('wechatpay.jsapi');
    expect(codeOf(() => parseRequest({ channel: 'WECHATPAY', invokeMethod: 'MINI_PROGRAM', enabled: all }))).toBe('INVALID_REQUEST');
  });

  it('requires the payer IP for WeChat Pay H5, naming the field', () => {
    let fields: unknown;
    try {
      parseRequest({ channel: 'WECHATPAY', invokeMethod: 'WAP', enabled: all });
    } catch (error) {
      fields = (error as AppError).details?.fields;
    }
    expect(fields).toEqual({ 'payer.clientIp': expect.stringMatching(/required/) });
    expect(parseRequest({ channel: 'WECHATPAY', invokeMethod: 'WAP', enabled: all, payerClientIp: '2001:db8::1' }).method).toBe('wechatpay.h5');
  });

  it('refuses what the channel cannot do, what the payment ID has not enabled, and CASHIER', () => {
    expect(codeOf(() => parseRequest({ channel: 'EASYPAY', invokeMethod: 'APP', enabled: all }))).toBe('METHOD_NOT_SUPPORTED');
    expect(codeOf(() => parseRequest({ channel: 'ALIPAY', invokeMethod: 'QR', enabled: ['PC'] }))).toBe('METHOD_NOT_SUPPORTED');
    expect(codeOf(() => parseRequest({ channel: 'ALIPAY', invokeMethod: 'CASHIER', enabled: all }))).toBe('METHOD_NOT_SUPPORTED');
  });

  it('has a route for every method a channel can be activated with', () => {
    for (const [channel, methods] of Object.entries(CHANNEL_INVOKE_METHODS)) {
      for (const invokeMethod of methods) {
        const payerOpenId = channel === 'WECHATPAY' ? 'o1' : undefined;
        expect(() => parseRequest({ channel: channel as 'ALIPAY', invokeMethod, enabled: methods, payerOpenId, payerBuyerId: '2088102177846880', payerClientIp: '203.0.113.7' })).not.toThrow();
      }
    }
  });
});
