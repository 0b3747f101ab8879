import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readVector } from '@/server/testing/vectors';
import type { ChannelAccount } from '@/server/gateway/types';
import { parseNotification } from './parse-notification';

// A genuine Alipay trade notify (语雀, 2019) and the Alipay key that signed it.
const vector = readVector<{ inputs: { params: Record<string, string>; alipay_public_key_pem: string } }>('alipay-notify-trade-success-yuque');
const params = vector.inputs.params;
const alipayKey = createPublicKey(vector.inputs.alipay_public_key_pem);
const body = (p: Record<string, string>) => new URLSearchParams(p).toString();

function account(overrides: { appId?: string; sellerId?: string; keys?: ChannelAccount['trustedKeys'] } = {}): ChannelAccount {
  const appKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    paymentId: 'pay_test',
    channel: 'ALIPAY',
    mode: 'LIVE',
    endpoint: 'https://openapi.alipay.com',
    credentials: {
      channel: 'ALIPAY',
      appId: overrides.appId ?? params.app_id!,
      sellerId: overrides.sellerId ?? params.seller_id!,
      privateKey: appKey,
      signMode: 'PUBLIC_KEY',
      alipayPublicKey: vector.inputs.alipay_public_key_pem,
    },
    trustedKeys: overrides.keys ?? [{ serial: 'k', key: alipayKey, certificatePem: null }],
  };
}

const check = (acct: ChannelAccount, p: Record<string, string>) => parseNotification({ account: acct, method: 'POST', headers: {}, query: '', body: body(p) });

describe('Alipay notification', () => {
  it('accepts the genuine notify and reads the trade in fen and UTC', () => {
    expect(check(account(), params)).toEqual({
      verified: true,
      notification: {
        kind: 'PAYMENT',
        serialNo: params.out_trade_no,
        state: 'SUCCEEDED',
        channelTradeNo: params.trade_no,
        amount: 10,
        paidAt: new Date('2019-08-15T07:56:24Z'),
      },
    });
  });

  it('refuses a changed amount, a key that is not whitelisted, another app and another seller', () => {
    expect(check(account(), { ...params, total_amount: '1000.10' })).toMatchObject({ verified: false, reason: 'BAD_SIGNATURE' });
    const stranger = createPublicKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
    expect(check(account({ keys: [{ serial: 'x', key: stranger, certificatePem: null }] }), params)).toMatchObject({ verified: false, reason: 'BAD_SIGNATURE' });
    expect(check(account({ keys: [] }), params)).toMatchObject({ verified: false, reason: 'BAD_SIGNATURE' });
    expect(check(account({ appId: '2021000000000000' }), params)).toEqual({ verified: false, reason: 'APP_ID_MISMATCH', serialNo: params.out_trade_no });
    expect(check(account({ sellerId: '2088000000000000' }), params)).toMatchObject({ verified: false, reason: 'SELLER_MISMATCH' });
  });

  it('refuses a smuggled second value and an unsigned notify', () => {
    const doubled = `${body(params)}&trade_status=TRADE_SUCCESS`;
    expect(parseNotification({ account: account(), method: 'POST', headers: {}, query: '', body: doubled })).toMatchObject({ verified: false });
    const unsigned = { ...params };
    delete unsigned.sign;
    expect(check(account(), unsigned)).toMatchObject({ verified: false, reason: 'MISSING_SIGN' });
  });
});
