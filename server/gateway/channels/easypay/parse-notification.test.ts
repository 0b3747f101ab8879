import { describe, expect, it } from 'vitest';
import type { ChannelAccount } from '@/server/gateway/types';
import { signEasypayParams } from './md5-sign';
import { parseNotification } from './parse-notification';

const key = 'Kx8&a=b+c%dQ9zLm';
const account: ChannelAccount = {
  paymentId: 'pay_test',
  channel: 'EASYPAY',
  mode: 'SANDBOX',
  credentials: { channel: 'EASYPAY', gatewayUrl: 'https://pay.example.com', pid: '1001', key },
  trustedKeys: [],
  endpoint: 'https://pay.example.com',
};
const fields = { pid: '1001', trade_no: '2026120119404366151', out_trade_no: 'P20261201ABC', type: 'alipay', name: '物业费 & 停车费 a=b', money: '120.50', trade_status: 'TRADE_SUCCESS', param: '' };

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
const check = (q: string, method = 'GET') => parseNotification({ account, method, headers: {}, query: method === 'GET' ? q : '', body: method === 'GET' ? '' : q });

describe('EasyPay callback', () => {
  it('reads a signed GET callback: paid, amount in fen, the gateway trade number', () => {
    expect(check(query(signEasypayParams(fields, key)))).toEqual({
      verified: true,
      notification: { kind: 'PAYMENT', serialNo: 'P20261201ABC', state: 'SUCCEEDED', channelTradeNo: '2026120119404366151', amount: 12050, paidAt: null },
    });
  });

  it('reads the same callback sent as a POST form body', () => {
    expect(check(query(signEasypayParams(fields, key)), 'POST')).toMatchObject({ verified: true, notification: { amount: 12050 } });
  });

  it.each<[string, Record<string, string>, string]>([
    ['a tampered amount', { money: '1.00' }, 'SIGNATURE_INVALID'],
    ['a tampered order', { out_trade_no: 'P2' }, 'SIGNATURE_INVALID'],
    ['a tampered status', { trade_status: 'TRADE_CLOSED' }, 'SIGNATURE_INVALID'],
    ['another signature type', { sign_type: 'RSA' }, 'UNSUPPORTED_SIGN_TYPE'],
    ['no signature', { sign: '' }, 'SIGNATURE_INVALID'],
  ])('rejects %s', (_case, change, reason) => {
    expect(check(query({ ...signEasypayParams(fields, key), ...change }))).toEqual({ verified: false, reason, serialNo: change.out_trade_no ?? 'P20261201ABC' });
  });

  it('rejects a callback signed with another key', () => {
    expect(check(query(signEasypayParams(fields, `${key}!`)))).toMatchObject({ verified: false, reason: 'SIGNATURE_INVALID' });
  });

  it('rejects a correctly signed callback for another merchant', () => {
    expect(check(query(signEasypayParams({ ...fields, pid: '1002' }, key)))).toMatchObject({ verified: false, reason: 'PID_MISMATCH' });
  });

  it('rejects a signed callback whose money is not an amount', () => {
    expect(check(query(signEasypayParams({ ...fields, money: '1.005' }, key)))).toMatchObject({ verified: false, reason: 'BAD_AMOUNT' });
  });

  it('rejects a repeated parameter and a broken escape without verifying anything', () => {
    const signed = query(signEasypayParams(fields, key));
    expect(check(`${signed}&money=0.01`)).toMatchObject({ verified: false, reason: expect.stringMatching(/^MALFORMED/) });
    expect(check(`${signed}&x=%E0%A4%A`)).toMatchObject({ verified: false, reason: expect.stringMatching(/^MALFORMED/), serialNo: null });
  });

  it('maps a signed status other than TRADE_SUCCESS to pending, never success', () => {
    expect(check(query(signEasypayParams({ ...fields, trade_status: 'WAIT' }, key)))).toMatchObject({ verified: true, notification: { state: 'PENDING' } });
  });
});
