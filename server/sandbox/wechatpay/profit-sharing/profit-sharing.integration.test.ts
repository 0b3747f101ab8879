// The simulated WeChat Pay profit-sharing API, driven by the real SDK as a merchant would: WeChat's
// rules and error codes, answers signed like every other.
import { constants, createPublicKey, publicEncrypt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { sandboxIdentity } from '@/server/sandbox/sandbox-identity';
import { payWechatpayTrade } from '../pay-trade';
import { verifiesWith } from '../testing/response-signature';
import { startWechatpaySandbox, type RawOutput, type WechatpaySandboxHarness } from '../testing/wechatpay-sandbox-harness';

let sandbox: WechatpaySandboxHarness;
let publicKeyId: string;
let simulatorPublicKeyPem: string;

beforeAll(async () => {
  sandbox = await startWechatpaySandbox();
  const identity = await sandboxIdentity('WECHATPAY');
  publicKeyId = identity.publicKeyId;
  simulatorPublicKeyPem = identity.publicKeyPem;
  // Two receivers, the merchant one with its name encrypted for WeChat Pay.
  const added = raw(
    await sandbox.sdk.profitsharing_receivers_add({ type: 'MERCHANT_ID', account: '1900000109', name: sandbox.sdk.publicEncrypt('保洁公司', Buffer.from(simulatorPublicKeyPem)), relation_type: 'SUPPLIER', wx_serial_no: publicKeyId }),
  );
  expect(added.status).toBe(200);
  await sandbox.sdk.profitsharing_receivers_add({ type: 'PERSONAL_OPENID', account: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', relation_type: 'PARTNER' });
});
afterAll(async () => sandbox.server.close());

let counter = 0;
const raw = (output: unknown) => output as RawOutput;
const errorOf = (output: unknown) => JSON.parse(raw(output).text) as { code: string; message: string };
const merchantReceiver = (amount: number) => ({ type: 'MERCHANT_ID' as const, account: '1900000109', amount, description: '服务费' });

/** A paid trade of 1000 fen, held for splitting unless profit_sharing is false; its transaction_id. */
async function paidTrade(options: { profitSharing?: boolean } = {}): Promise<string> {
  const outTradeNo = `PS${Date.now()}${++counter}`;
  await sandbox.sdk.transactions_native({
    description: '物业费',
    out_trade_no: outTradeNo,
    notify_url: sandbox.notifyUrl,
    amount: { total: 1_000, currency: 'CNY' },
    ...(options.profitSharing === false ? {} : { settle_info: { profit_sharing: true } }),
  });
  return (await payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo })).transactionId!;
}

const split = (transactionId: string, receivers: Array<ReturnType<typeof merchantReceiver>>, unfreeze = false, outOrderNo = `O${Date.now()}${++counter}`) =>
  sandbox.sdk.create_profitsharing_orders({ transaction_id: transactionId, out_order_no: outOrderNo, receivers, unfreeze_unsplit: unfreeze });

describe('receivers', () => {
  it('decrypts the name with the platform key named by Wechatpay-Serial, and refuses another serial', async () => {
    expect(await db().sandboxWechatReceiver.findFirstOrThrow({ where: { mchId: sandbox.merchant.mchId, account: '1900000109' } })).toMatchObject({ name: '保洁公司', relationType: 'SUPPLIER' });
    const name = publicEncrypt({ key: createPublicKey(simulatorPublicKeyPem), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from('其他公司')).toString('base64');
    const wrongSerial = raw(await sandbox.sdk.profitsharing_receivers_add({ type: 'MERCHANT_ID', account: '1900000110', name, relation_type: 'SUPPLIER', wx_serial_no: 'PUB_KEY_ID_0000' }));
    expect(wrongSerial.status).toBe(400);
    expect(errorOf(wrongSerial).code).toBe('PARAM_ERROR');
    const noName = raw(await sandbox.sdk.profitsharing_receivers_add({ type: 'MERCHANT_ID', account: '1900000111', relation_type: 'SUPPLIER' }));
    expect(errorOf(noName).code).toBe('PARAM_ERROR');
  });
});

describe('profit-sharing orders', () => {
  it('splits a held trade, FINISHED at once and signed; the same out_order_no answers the same order, and the query reads it', async () => {
    const transactionId = await paidTrade();
    const outOrderNo = `O${Date.now()}${++counter}`;
    const first = raw(await split(transactionId, [merchantReceiver(100)], false, outOrderNo));
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ transaction_id: transactionId, out_order_no: outOrderNo, state: 'FINISHED', receivers: [{ type: 'MERCHANT_ID', account: '1900000109', amount: 100, result: 'SUCCESS', detail_id: expect.any(String) }] });
    expect(first.headers.get('wechatpay-serial')).toBe(publicKeyId);
    expect(verifiesWith(createPublicKey(simulatorPublicKeyPem), first.headers, first.text)).toBe(true);
    expect(raw(await split(transactionId, [merchantReceiver(100)], false, outOrderNo)).data).toEqual(first.data);
    expect(errorOf(await split(transactionId, [merchantReceiver(99)], false, outOrderNo)).code).toBe('INVALID_REQUEST');
    expect(raw(await sandbox.sdk.query_profitsharing_orders(transactionId, outOrderNo)).data).toEqual(first.data);
    expect(raw(await sandbox.sdk.query_profitsharing_orders(transactionId, 'UNKNOWN-ORDER')).status).toBe(404);
  });

  it('refuses a trade made without profit_sharing, a receiver not added, and more than 30 % of the trade', async () => {
    expect(errorOf(await split(await paidTrade({ profitSharing: false }), [merchantReceiver(100)])).code).toBe('INVALID_REQUEST');
    const transactionId = await paidTrade();
    const stranger = raw(await split(transactionId, [{ ...merchantReceiver(100), account: '1900099999' }]));
    expect(stranger.status).toBe(400);
    expect(errorOf(stranger).message).toContain('分账接收方');
    expect(raw(await split(transactionId, [merchantReceiver(200)])).status).toBe(200);
    const over = raw(await split(transactionId, [merchantReceiver(101)]));
    expect(errorOf(over)).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('30%') });
    expect(raw(await split(transactionId, [merchantReceiver(100)])).status).toBe(200);
  });

  it('unfreeze releases the rest to the merchant and ends splitting', async () => {
    const transactionId = await paidTrade();
    await split(transactionId, [merchantReceiver(100)]);
    const outOrderNo = `U${Date.now()}${++counter}`;
    const unfrozen = raw(await sandbox.sdk.profitsharing_orders_unfreeze({ transaction_id: transactionId, out_order_no: outOrderNo, description: '解冻全部剩余资金' }));
    expect(unfrozen.data).toMatchObject({ state: 'FINISHED', receivers: [{ type: 'MERCHANT_ID', account: sandbox.merchant.mchId, amount: 900, result: 'SUCCESS' }] });
    const after = raw(await split(transactionId, [merchantReceiver(10)]));
    expect(errorOf(after)).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('已解冻') });
  });
});

describe('return orders', () => {
  const returnOrder = (outOrderNo: string, amount: number, options: { outReturnNo?: string; returnMchId?: string } = {}) =>
    sandbox.sdk.profitsharing_return_orders({ out_order_no: outOrderNo, out_return_no: options.outReturnNo ?? `B${Date.now()}${++counter}`, return_mchid: options.returnMchId ?? '1900000109', amount, description: '退款前回退分账' });

  it('takes money back from a merchant receiver, signed; the same out_return_no answers the same return, and the query reads it', async () => {
    const transactionId = await paidTrade();
    const outOrderNo = `O${Date.now()}${++counter}`;
    const order = raw(await split(transactionId, [merchantReceiver(100)], false, outOrderNo)).data as { order_id: string };
    const outReturnNo = `B${Date.now()}${++counter}`;
    const first = raw(await returnOrder(outOrderNo, 60, { outReturnNo }));
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ order_id: order.order_id, out_order_no: outOrderNo, out_return_no: outReturnNo, return_id: expect.any(String), return_mchid: '1900000109', amount: 60, result: 'SUCCESS' });
    expect(verifiesWith(createPublicKey(simulatorPublicKeyPem), first.headers, first.text)).toBe(true);
    expect(raw(await returnOrder(outOrderNo, 60, { outReturnNo })).data).toEqual(first.data);
    expect(errorOf(await returnOrder(outOrderNo, 59, { outReturnNo })).code).toBe('INVALID_REQUEST');
    expect(raw(await sandbox.sdk.query_profitsharing_return_orders(outReturnNo, outOrderNo)).data).toEqual(first.data);
    const unknown = raw(await sandbox.sdk.query_profitsharing_return_orders('UNKNOWN-RETURN', outOrderNo));
    expect([unknown.status, errorOf(unknown).code]).toEqual([404, 'RESOURCE_NOT_EXISTS']);
    // By WeChat's own order_id too.
    const byOrderId = raw(await sandbox.sdk.profitsharing_return_orders({ order_id: order.order_id, out_return_no: `B${Date.now()}${++counter}`, return_mchid: '1900000109', amount: 40, description: '回退' }));
    expect(byOrderId.data).toMatchObject({ out_order_no: outOrderNo, amount: 40, result: 'SUCCESS' });
  });

  it('returns only what the split paid that merchant receiver and it has not given back yet', async () => {
    const transactionId = await paidTrade();
    const outOrderNo = `O${Date.now()}${++counter}`;
    await sandbox.sdk.create_profitsharing_orders({
      transaction_id: transactionId,
      out_order_no: outOrderNo,
      receivers: [merchantReceiver(100), { type: 'PERSONAL_OPENID', account: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', amount: 50, description: '分成' }],
      unfreeze_unsplit: false,
    });
    expect(raw(await returnOrder(outOrderNo, 70)).status).toBe(200);
    expect(errorOf(await returnOrder(outOrderNo, 10, { returnMchId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' })).code).toBe('INVALID_REQUEST');
    expect(errorOf(await returnOrder(outOrderNo, 31))).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('可回退') });
    expect(errorOf(await returnOrder(outOrderNo, 10, { returnMchId: '1900099999' }))).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('商户接收方') });
    expect(errorOf(await returnOrder('UNKNOWN-ORDER', 10)).code).toBe('RESOURCE_NOT_EXISTS');
    expect(raw(await returnOrder(outOrderNo, 30)).data).toMatchObject({ amount: 30, result: 'SUCCESS' });
  });

  it('refunds only what splits left with the merchant: split money must come back by a return order first', async () => {
    const transactionId = await paidTrade();
    const outOrderNo = `O${Date.now()}${++counter}`;
    await split(transactionId, [merchantReceiver(100)], false, outOrderNo);
    const refund = (amount: number) =>
      sandbox.sdk.refunds({ transaction_id: transactionId, out_refund_no: `R${Date.now()}${++counter}`, amount: { refund: amount, total: 1_000, currency: 'CNY' } });
    const whole = raw(await refund(1_000));
    expect([whole.status, errorOf(whole).code]).toEqual([403, 'NOT_ENOUGH']);
    expect(raw(await refund(900)).status).toBe(200);
    expect(errorOf(await refund(1)).code).toBe('NOT_ENOUGH');
    expect(raw(await returnOrder(outOrderNo, 100)).data).toMatchObject({ result: 'SUCCESS' });
    expect(raw(await refund(100)).status).toBe(200);
    expect(await db().sandboxWechatTrade.findFirstOrThrow({ where: { transactionId } })).toMatchObject({ refundedFen: 1_000, sharedFen: 100 });
  });

  it('a receiver account that is abnormal fails the return with ACCOUNT_ABNORMAL, and gives nothing back', async () => {
    const transactionId = await paidTrade();
    const outOrderNo = `O${Date.now()}${++counter}`;
    await split(transactionId, [merchantReceiver(100)], false, outOrderNo);
    await db().sandboxWechatReceiver.updateMany({ where: { mchId: sandbox.merchant.mchId, account: '1900000109' }, data: { accountAbnormal: true } });
    try {
      expect(raw(await returnOrder(outOrderNo, 100)).data).toMatchObject({ result: 'FAILED', fail_reason: 'ACCOUNT_ABNORMAL' });
    } finally {
      await db().sandboxWechatReceiver.updateMany({ where: { mchId: sandbox.merchant.mchId, account: '1900000109' }, data: { accountAbnormal: false } });
    }
    expect(raw(await returnOrder(outOrderNo, 100)).data).toMatchObject({ result: 'SUCCESS' });
  });

  it('refuses an unsigned or forged request, storing nothing', async () => {
    const transactionId = await paidTrade();
    const outOrderNo = `O${Date.now()}${++counter}`;
    await split(transactionId, [merchantReceiver(100)], false, outOrderNo);
    const outReturnNo = `B${Date.now()}${++counter}`;
    const response = await fetch(`${sandbox.apiBase}/v3/profitsharing/return-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `WECHATPAY2-SHA256-RSA2048 mchid="${sandbox.merchant.mchId}",nonce_str="x",timestamp="${Math.floor(Date.now() / 1000)}",serial_no="${sandbox.merchant.serialNo}",signature="Zm9yZ2Vk"` },
      body: JSON.stringify({ out_order_no: outOrderNo, out_return_no: outReturnNo, return_mchid: '1900000109', amount: 10, description: '伪造' }),
    });
    expect(response.status).toBe(401);
    expect(await db().sandboxWechatReturnOrder.count({ where: { outReturnNo } })).toBe(0);
  });
});
