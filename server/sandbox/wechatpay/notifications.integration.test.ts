import { createPublicKey, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { sandboxIdentity } from '@/server/sandbox/sandbox-identity';
import { deliverDueWechatpayNotifications, WECHATPAY_NOTIFY_RETRY_DELAYS_MS } from './notifications';
import { failWechatpayTrade, payWechatpayTrade } from './pay-trade';
import { sandboxPlatformCertificate } from './platform-certificate';
import { wechatpaySandboxPayer } from './sandbox-payer';
import { startWechatpaySandbox, type RawOutput, type WechatpaySandboxHarness } from './testing/wechatpay-sandbox-harness';
import { decryptResource, verifiesWith } from './testing/response-signature';

let sandbox: WechatpaySandboxHarness;

beforeAll(async () => {
  sandbox = await startWechatpaySandbox();
});
afterAll(async () => sandbox.server.close());

let counter = 0;
const outTradeNo = () => `N${Date.now()}${++counter}`;

async function nativeOrder(sdk = sandbox.sdk, total = 880) {
  const no = outTradeNo();
  const created = (await sdk.transactions_native({ description: '停车费', out_trade_no: no, notify_url: sandbox.notifyUrl, amount: { total, currency: 'CNY' } })) as unknown as RawOutput;
  expect(created.status).toBe(200);
  return { outTradeNo: no, codeUrl: (created.data as { code_url: string }).code_url };
}

interface Envelope {
  id: string;
  create_time: string;
  event_type: string;
  resource_type: string;
  summary: string;
  resource: { algorithm: string; ciphertext: string; associated_data: string; original_type: string; nonce: string };
}

const envelopeOf = (index: number) => JSON.parse(sandbox.callbacks[index]!.body) as Envelope;

describe('callbacks', () => {
  it('sends TRANSACTION.SUCCESS encrypted with the APIv3 key and signed under the public key id', async () => {
    const { outTradeNo: no } = await nativeOrder();
    const before = sandbox.callbacks.length;
    await payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: no });
    expect(sandbox.callbacks).toHaveLength(before + 1);
    const { headers, body } = sandbox.callbacks[before]!;
    const identity = await sandboxIdentity('WECHATPAY');
    expect(headers.get('wechatpay-serial')).toBe(identity.publicKeyId);
    expect(verifiesWith(createPublicKey(identity.publicKeyPem), headers, body)).toBe(true);

    const envelope = envelopeOf(before);
    expect(envelope).toMatchObject({
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      summary: '支付成功',
      resource: { algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction', original_type: 'transaction', nonce: expect.stringMatching(/^\w{12}$/) },
    });
    const { resource } = envelope;
    const transaction = sandbox.sdk.decipher_gcm<Record<string, unknown>>(resource.ciphertext, resource.associated_data, resource.nonce);
    expect(transaction).toMatchObject({
      mchid: sandbox.merchant.mchId,
      appid: sandbox.merchant.appId,
      out_trade_no: no,
      trade_state: 'SUCCESS',
      transaction_id: expect.stringMatching(/^\d{28}$/),
      payer: { openid: expect.stringMatching(/^o/) },
      amount: { total: 880, payer_total: 880, currency: 'CNY' },
    });
    expect(JSON.parse(decryptResource(sandbox.merchant.apiV3Key, resource))).toEqual(transaction);
    // Another merchant's key, or other associated data, cannot open it.
    const other = await sandbox.addMerchant('PUBLIC_KEY');
    expect(() => decryptResource(other.apiV3Key, resource)).toThrow();
    expect(() => decryptResource(sandbox.merchant.apiV3Key, { ...resource, associated_data: 'refund' })).toThrow();
  });

  it('signs callbacks under the platform certificate serial in platform-certificate mode', async () => {
    const merchant = await sandbox.addMerchant('PLATFORM_CERT');
    const { outTradeNo: no } = await nativeOrder(sandbox.sdkFor(merchant));
    const before = sandbox.callbacks.length;
    await payWechatpayTrade({ mchId: merchant.mchId, outTradeNo: no });
    const { headers, body } = sandbox.callbacks[before]!;
    const platform = await sandboxPlatformCertificate();
    expect(headers.get('wechatpay-serial')).toBe(platform.serial);
    expect(verifiesWith(new X509Certificate(platform.pem).publicKey, headers, body)).toBe(true);
  });

  it('sends REFUND.SUCCESS to the refund notify_url', async () => {
    const { outTradeNo: no } = await nativeOrder();
    await payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: no });
    const before = sandbox.callbacks.length;
    await sandbox.sdk.refunds({ out_trade_no: no, out_refund_no: `RF${no}`, notify_url: sandbox.notifyUrl, amount: { refund: 80, total: 880, currency: 'CNY' } });
    expect(sandbox.callbacks).toHaveLength(before + 1);
    const { resource, event_type: eventType } = envelopeOf(before);
    expect([eventType, resource.associated_data, resource.original_type]).toEqual(['REFUND.SUCCESS', 'refund', 'refund']);
    expect(sandbox.sdk.decipher_gcm(resource.ciphertext, resource.associated_data, resource.nonce)).toMatchObject({
      out_trade_no: no,
      out_refund_no: `RF${no}`,
      refund_status: 'SUCCESS',
      refund_id: expect.stringMatching(/^\d{29}$/),
      amount: { total: 880, refund: 80, payer_total: 880, payer_refund: 80 },
    });
  });

  it('retries an unacknowledged callback on WeChat\'s schedule, under the same id, then gives up', async () => {
    const { outTradeNo: no } = await nativeOrder();
    const start = new Date();
    sandbox.callbackAnswers.push(...Array<number>(WECHATPAY_NOTIFY_RETRY_DELAYS_MS.length + 1).fill(500));
    const before = sandbox.callbacks.length;
    await payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: no }, start);
    const row = await db().sandboxWechatNotification.findFirstOrThrow({ where: { mchId: sandbox.merchant.mchId }, orderBy: { createdAt: 'desc' } });
    expect([row.attempts, row.nextAttemptAt?.getTime()]).toEqual([1, start.getTime() + 15_000]);

    let now = start.getTime();
    for (const [index, delay] of WECHATPAY_NOTIFY_RETRY_DELAYS_MS.entries()) {
      // Not a moment early: nothing is due just before the next retry.
      expect((await deliverDueWechatpayNotifications({ now: new Date(now + delay - 1) })).attempted).toBe(0);
      now += delay;
      expect(await deliverDueWechatpayNotifications({ now: new Date(now) })).toEqual({ attempted: 1, delivered: 0 });
      const current = await db().sandboxWechatNotification.findUniqueOrThrow({ where: { id: row.id } });
      expect(current.attempts).toBe(index + 2);
    }
    const final = await db().sandboxWechatNotification.findUniqueOrThrow({ where: { id: row.id } });
    expect([final.attempts, final.nextAttemptAt, final.deliveredAt]).toEqual([16, null, null]);
    const sent = sandbox.callbacks.slice(before).map((callback) => JSON.parse(callback.body) as Envelope);
    expect(sent).toHaveLength(16);
    expect(new Set(sent.map((envelope) => envelope.id))).toEqual(new Set([row.id]));
  });

  it('stops retrying once acknowledged with 200, and two workers never send the same attempt twice', async () => {
    const { outTradeNo: no } = await nativeOrder();
    const start = new Date();
    sandbox.callbackAnswers.push(500, 200);
    await payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: no }, start);
    const before = sandbox.callbacks.length;
    const due = new Date(start.getTime() + 15_000);
    const results = await Promise.all([deliverDueWechatpayNotifications({ now: due }), deliverDueWechatpayNotifications({ now: due })]);
    expect(results.reduce((sum, result) => sum + result.delivered, 0)).toBe(1);
    expect(sandbox.callbacks.length - before).toBe(1);
    expect((await deliverDueWechatpayNotifications({ now: new Date(start.getTime() + 24 * 3600_000) })).attempted).toBe(0);
  });
});

describe('wechatpaySandboxPayer', () => {
  const gatewayBase = 'http://unused.invalid/sandbox/wechatpay';

  it('scans the code_url the center answered, then pays', async () => {
    const { outTradeNo: no, codeUrl } = await nativeOrder();
    await wechatpaySandboxPayer.pay({ accountId: sandbox.merchant.mchId, serialNo: no, action: { type: 'QR_CODE', content: codeUrl }, gatewayBase });
    const trade = await db().sandboxWechatTrade.findUniqueOrThrow({ where: { mchId_outTradeNo: { mchId: sandbox.merchant.mchId, outTradeNo: no } } });
    expect(trade.state).toBe('SUCCESS');
  });

  it('opens the h5_url (with a redirect_url) and the prepay_id of the SDK parameters', async () => {
    const h5No = outTradeNo();
    const h5 = (await sandbox.sdk.transactions_h5({ description: '水费', out_trade_no: h5No, notify_url: sandbox.notifyUrl, amount: { total: 100 }, scene_info: { payer_client_ip: '198.51.100.7', h5_info: { type: 'Wap' } } } as never)) as unknown as RawOutput;
    const h5Url = `${(h5.data as { h5_url: string }).h5_url}&redirect_url=${encodeURIComponent('https://merchant.example/back')}`;
    await wechatpaySandboxPayer.fail({ accountId: sandbox.merchant.mchId, serialNo: h5No, action: { type: 'REDIRECT', url: h5Url }, gatewayBase });
    expect((await sandbox.sdk.query({ out_trade_no: h5No }) as unknown as RawOutput).data).toMatchObject({ trade_state: 'PAYERROR' });

    const jsNo = outTradeNo();
    const jsapi = (await sandbox.sdk.transactions_jsapi({ description: '电费', out_trade_no: jsNo, notify_url: sandbox.notifyUrl, amount: { total: 100 }, payer: { openid: 'oSandboxPayer0000000000000001' } })) as unknown as RawOutput;
    await wechatpaySandboxPayer.pay({ accountId: sandbox.merchant.mchId, serialNo: jsNo, action: { type: 'SDK_PARAMS', params: jsapi.data as Record<string, string> }, gatewayBase });
    expect((await sandbox.sdk.query({ out_trade_no: jsNo }) as unknown as RawOutput).data).toMatchObject({ trade_state: 'SUCCESS', payer: { openid: 'oSandboxPayer0000000000000001' } });
  });

  it('refuses an action that leads to another order, paying nothing', async () => {
    const first = await nativeOrder();
    const second = await nativeOrder();
    await expect(
      wechatpaySandboxPayer.pay({ accountId: sandbox.merchant.mchId, serialNo: second.outTradeNo, action: { type: 'QR_CODE', content: first.codeUrl }, gatewayBase }),
    ).rejects.toThrow(/does not lead/);
    const trades = await db().sandboxWechatTrade.findMany({ where: { outTradeNo: { in: [first.outTradeNo, second.outTradeNo] } } });
    expect(trades.map((trade) => trade.state)).toEqual(['NOTPAY', 'NOTPAY']);
  });

  it('a failed payment can still be paid later, as at WeChat', async () => {
    const { outTradeNo: no } = await nativeOrder();
    await failWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: no });
    expect((await payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: no })).state).toBe('SUCCESS');
  });
});
