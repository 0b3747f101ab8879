import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ChannelAccount } from '@/server/gateway/types';
import { parseNotification } from './parse-notification';
import { certificateKey, clockOf, payscoreCallback, publicKeyEntry, sealResource, signedHeaders } from './test-vectors';

const platform = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const PUB_KEY_ID = 'PUB_KEY_ID_0116000000012026120100000000000001';
const apiV3Key = randomBytes(24).toString('base64url');

const account: ChannelAccount = {
  paymentId: 'pay_test',
  channel: 'WECHATPAY',
  mode: 'SANDBOX',
  endpoint: 'https://api.mch.weixin.qq.com',
  credentials: {
    channel: 'WECHATPAY',
    mchId: '1600000001',
    appId: 'wx0123456789abcdef',
    privateKey: '',
    merchantCertSerial: 'ABCDEF',
    apiV3Key,
    verifyMode: 'PUBLIC_KEY',
  },
  trustedKeys: [publicKeyEntry(PUB_KEY_ID, createPublicKey(platform))],
};

const now = new Date('2026-12-01T12:00:00Z');
const serialNo = 'P20261201200000000abcdefghijklm';

const transaction = {
  mchid: '1600000001',
  appid: 'wx0123456789abcdef',
  out_trade_no: serialNo,
  transaction_id: '4200000000202612011234567890',
  trade_type: 'NATIVE',
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
  bank_type: 'OTHERS',
  success_time: '2026-12-01T19:59:58+08:00',
  payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  amount: { total: 1000, payer_total: 1000, currency: 'CNY', payer_currency: 'CNY' },
};

const refundResource = (status: string) => ({
  mchid: '1600000001',
  out_trade_no: serialNo,
  transaction_id: '4200000000202612011234567890',
  out_refund_no: 'R20261201200100000abcdefghijklm',
  refund_id: '50000000382019052709732678859',
  refund_status: status,
  success_time: '2026-12-01T20:01:00+08:00',
  user_received_account: '招商银行信用卡0403',
  amount: { total: 1000, refund: 300, payer_total: 1000, payer_refund: 300 },
});

function callback(options: { event?: string; resource?: object; aad?: string; key?: string; signer?: typeof platform; serial?: string; at?: Date; mutateBody?: (body: string) => string } = {}) {
  const resource = sealResource(JSON.stringify(options.resource ?? transaction), options.key ?? apiV3Key, options.aad ?? 'transaction');
  const event = options.event ?? 'TRANSACTION.SUCCESS';
  const body = JSON.stringify({ id: 'EV-2018022511223320873', create_time: '2026-12-01T20:00:00+08:00', resource_type: 'encrypt-resource', event_type: event, summary: '支付成功', resource });
  const headers = signedHeaders(options.mutateBody ? options.mutateBody(body) : body, options.signer ?? platform, options.serial ?? PUB_KEY_ID, options.at ?? now);
  return { headers, body };
}

const parse = (message: { headers: Record<string, string>; body: string }, overrides: Partial<Parameters<typeof parseNotification>[0]> = {}) =>
  parseNotification({ account, now, method: 'POST', query: '', ...message, ...overrides });

describe('WeChat Pay parseNotification', () => {
  it('reads a verified TRANSACTION.SUCCESS as a paid attempt', () => {
    expect(parse(callback())).toEqual({
      verified: true,
      notification: {
        kind: 'PAYMENT',
        serialNo,
        state: 'SUCCEEDED',
        channelTradeNo: '4200000000202612011234567890',
        amount: 1000,
        paidAt: new Date('2026-12-01T11:59:58Z'),
      },
    });
  });

  it.each([
    ['REFUND.SUCCESS', 'SUCCESS', 'SUCCEEDED'],
    ['REFUND.ABNORMAL', 'ABNORMAL', 'PROCESSING'],
    ['REFUND.CLOSED', 'CLOSED', 'FAILED'],
  ] as const)('reads %s as a refund %s → %s', (event, status, state) => {
    expect(parse(callback({ event, resource: refundResource(status), aad: 'refund' }))).toEqual({
      verified: true,
      notification: { kind: 'REFUND', serialNo, refundSerialNo: 'R20261201200100000abcdefghijklm', state, channelRefundNo: '50000000382019052709732678859', amount: 300 },
    });
  });

  const splitResource = {
    mchid: '1600000001',
    transaction_id: '4200000000202612011234567890',
    order_id: '3008450740201411110007820472',
    out_order_no: 'S20261201200200000abcdefghijklm',
    receiver: { type: 'MERCHANT_ID', account: '1900000109', amount: 100, description: '服务费' },
    success_time: '2026-12-01T20:02:00+08:00',
  };

  it.each([
    ['PROFITSHARING.SUCCESS', 'SUCCEEDED'],
    ['PROFITSHARING.CLOSED', 'FAILED'],
  ] as const)('reads %s as one receiver’s split line %s, naming the split and no payment', (event, state) => {
    expect(parse(callback({ event, resource: splitResource, aad: 'profitsharing' }))).toEqual({
      verified: true,
      notification: {
        kind: 'SPLIT',
        splitSerialNo: 'S20261201200200000abcdefghijklm',
        channelTradeNo: '4200000000202612011234567890',
        channelSplitNo: '3008450740201411110007820472',
        line: { accountType: 'MERCHANT_ID', account: '1900000109', amount: 100, state, channelDetailId: null },
      },
    });
  });

  it('rejects a profit-sharing notification without its split order number or receiver, or for another merchant', () => {
    const { out_order_no: _omitted, ...noOrderNo } = splitResource;
    expect(parse(callback({ event: 'PROFITSHARING.SUCCESS', resource: noOrderNo, aad: 'profitsharing' }))).toEqual({ verified: false, reason: 'MISSING_OUT_ORDER_NO', serialNo: null });
    expect(parse(callback({ event: 'PROFITSHARING.SUCCESS', resource: { ...splitResource, receiver: { account: '1900000109' } }, aad: 'profitsharing' }))).toMatchObject({ reason: 'MISSING_RECEIVER' });
    expect(parse(callback({ event: 'PROFITSHARING.SUCCESS', resource: { ...splitResource, mchid: '1600000002' }, aad: 'profitsharing' }))).toMatchObject({ reason: 'MCHID_MISMATCH' });
  });

  it('accepts lowercased header names (as the route passes them) and a clock skew under 5 minutes', () => {
    const { headers, body } = callback({ at: new Date(now.getTime() - 299_000) });
    const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
    expect(parse({ headers: lower, body }).verified).toBe(true);
    expect(parse(callback({ at: new Date(now.getTime() + 299_000) })).verified).toBe(true);
  });

  it('rejects a tampered body before reading anything in it', () => {
    const message = callback();
    const tampered = message.body.replace('"summary":"支付成功"', '"summary":"支付成功 "');
    expect(parse({ ...message, body: tampered })).toEqual({ verified: false, reason: 'BAD_SIGNATURE', serialNo: null });
  });

  it('rejects a stale or future callback (a replay), checked after the signature', () => {
    expect(parse(callback({ at: new Date(now.getTime() - 301_000) }))).toEqual({ verified: false, reason: 'STALE_TIMESTAMP', serialNo: null });
    expect(parse(callback({ at: new Date(now.getTime() + 301_000) }))).toEqual({ verified: false, reason: 'STALE_TIMESTAMP', serialNo: null });
    // The same genuine callback replayed 10 minutes later.
    const message = callback();
    expect(parse(message).verified).toBe(true);
    expect(parse(message, { now: new Date(now.getTime() + 600_000) })).toMatchObject({ verified: false, reason: 'STALE_TIMESTAMP' });
  });

  it('rejects a callback signed by a key not on the whitelist, or under a serial it does not have', () => {
    expect(parse(callback({ signer: impostor }))).toMatchObject({ verified: false, reason: 'BAD_SIGNATURE' });
    expect(parse(callback({ serial: 'PUB_KEY_ID_0116000000012026120100000000000002' }))).toMatchObject({ verified: false, reason: 'UNKNOWN_SERIAL' });
    expect(parse(callback(), { account: { ...account, trustedKeys: [] } })).toMatchObject({ verified: false, reason: 'UNKNOWN_SERIAL' });
  });

  it('rejects a resource sealed with another APIv3 key or associated data, or with a changed ciphertext, even when signed', () => {
    expect(parse(callback({ key: randomBytes(24).toString('base64url') }))).toMatchObject({ verified: false, reason: expect.stringMatching(/^UNDECRYPTABLE/) });
    const changedAad = callback({ mutateBody: (body) => body.replace('"associated_data":"transaction"', '"associated_data":"refund"') });
    expect(parse({ headers: changedAad.headers, body: changedAad.body.replace('"associated_data":"transaction"', '"associated_data":"refund"') })).toMatchObject({
      verified: false,
      reason: expect.stringMatching(/^UNDECRYPTABLE/),
    });
    const flip = (body: string) => body.replace(/"ciphertext":"(.)/, (_all, first: string) => `"ciphertext":"${first === 'A' ? 'B' : 'A'}`);
    const changedCiphertext = callback({ mutateBody: flip });
    expect(parse({ headers: changedCiphertext.headers, body: flip(changedCiphertext.body) })).toMatchObject({ verified: false, reason: expect.stringMatching(/^UNDECRYPTABLE/) });
  });

  it("rejects a callback for another merchant or app, naming the attempt so the core can query it", () => {
    expect(parse(callback({ resource: { ...transaction, mchid: '1600000002' } }))).toEqual({ verified: false, reason: 'MCHID_MISMATCH', serialNo });
    expect(parse(callback({ resource: { ...transaction, appid: 'wxffffffffffffffff' } }))).toEqual({ verified: false, reason: 'APPID_MISMATCH', serialNo });
    expect(parse(callback({ event: 'REFUND.SUCCESS', resource: { ...refundResource('SUCCESS'), mchid: '1' }, aad: 'refund' }))).toMatchObject({ reason: 'MCHID_MISMATCH' });
  });

  it('never reads success from anything but trade_state SUCCESS', () => {
    expect(parse(callback({ resource: { ...transaction, trade_state: 'NOTPAY' } }))).toMatchObject({ verified: true, notification: { state: 'PENDING', paidAt: null } });
    expect(parse(callback({ resource: { ...transaction, trade_state: 'SUCCESS ' } }))).toMatchObject({ verified: true, notification: { state: 'PENDING' } });
  });

  it('keeps an amount it cannot read as null (the core then refuses it) and refuses incomplete resources', () => {
    expect(parse(callback({ resource: { ...transaction, amount: { total: '1000' } } }))).toMatchObject({ verified: true, notification: { amount: null } });
    expect(parse(callback({ resource: { ...transaction, out_trade_no: undefined } }))).toMatchObject({ verified: false, reason: 'MISSING_OUT_TRADE_NO' });
    expect(parse(callback({ event: 'REFUND.SUCCESS', resource: { ...refundResource('SUCCESS'), out_refund_no: '' }, aad: 'refund' }))).toMatchObject({ verified: false, reason: 'MISSING_OUT_REFUND_NO' });
  });

  it('refuses events it does not handle, and bodies that are not callbacks, without throwing', () => {
    expect(parse(callback({ event: 'TRANSACTION.CLOSED' }))).toMatchObject({ verified: false, reason: 'UNSUPPORTED_EVENT: TRANSACTION.CLOSED', serialNo });
    for (const body of ['', 'null', '[]', '{"resource":"x"}', '{"resource":{}}', '{']) {
      const headers = signedHeaders(body, platform, PUB_KEY_ID, now);
      expect(parse({ headers, body }).verified).toBe(false);
    }
    expect(parse({ headers: {}, body: '' })).toEqual({ verified: false, reason: 'MISSING_HEADERS', serialNo: null });
  });

  it('replays the Go SDK callback: the signature and freshness pass with its clock; its 16-byte test key cannot decrypt', () => {
    const { headers, body } = payscoreCallback.inputs;
    const goAccount = { ...account, trustedKeys: [certificateKey(payscoreCallback)], credentials: { ...account.credentials, apiV3Key: payscoreCallback.inputs.apiv3_key! } } as ChannelAccount;
    const replay = (changes: { headers?: Record<string, string>; body?: string; now?: Date } = {}) =>
      parseNotification({ account: goAccount, now: changes.now ?? clockOf(headers, 60), method: 'POST', query: '', headers: changes.headers ?? headers, body: changes.body ?? body });
    expect(replay()).toMatchObject({ verified: false, reason: expect.stringMatching(/^UNDECRYPTABLE: .*32 bytes/) });
    expect(replay({ now: new Date() })).toMatchObject({ reason: 'STALE_TIMESTAMP' });
    expect(replay({ body: body.replace('签约成功', '签约失败') })).toMatchObject({ reason: 'BAD_SIGNATURE' });
    expect(replay({ body: JSON.stringify(JSON.parse(body), null, 2) })).toMatchObject({ reason: 'BAD_SIGNATURE' });
    expect(replay({ headers: { ...headers, 'Wechatpay-Timestamp': String(Number(headers['Wechatpay-Timestamp']) + 1) } })).toMatchObject({ reason: 'BAD_SIGNATURE' });
    expect(replay({ headers: { ...headers, 'Wechatpay-Nonce': 'EcZ9Cmy4Xyx1i6RlJQzLcCyEqDa26NBZ' } })).toMatchObject({ reason: 'BAD_SIGNATURE' });
    expect(replay({ headers: { ...headers, 'Wechatpay-Serial': 'D7CE59D1F522D702' } })).toMatchObject({ reason: 'UNKNOWN_SERIAL' });
  });
});
