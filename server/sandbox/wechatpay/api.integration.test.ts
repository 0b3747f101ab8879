import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { sandboxIdentity } from '@/server/sandbox/sandbox-identity';
import { sandboxPlatformCertificate } from './platform-certificate';
import { payWechatpayTrade } from './pay-trade';
import { startWechatpaySandbox, type RawOutput, type WechatpaySandboxHarness } from './testing/wechatpay-sandbox-harness';
import { verifiesWith } from './testing/response-signature';

let sandbox: WechatpaySandboxHarness;
let publicKeyId: string;
let simulatorKey: ReturnType<typeof createPublicKey>;

beforeAll(async () => {
  sandbox = await startWechatpaySandbox();
  const identity = await sandboxIdentity('WECHATPAY');
  publicKeyId = identity.publicKeyId;
  simulatorKey = createPublicKey(identity.publicKeyPem);
});
afterAll(async () => sandbox.server.close());

let counter = 0;
const outTradeNo = () => `T${Date.now()}${++counter}`;
const raw = (output: unknown) => output as RawOutput;
const errorOf = (output: unknown) => JSON.parse(raw(output).text) as { code: string; message: string; detail?: { field: string } };

function order(overrides: Record<string, unknown> = {}) {
  return { description: '物业费-翠湖小区 3 栋 2 单元 1201', out_trade_no: outTradeNo(), notify_url: sandbox.notifyUrl, amount: { total: 12_345, currency: 'CNY' }, ...overrides };
}

function expectSignedAsPublicKey(output: RawOutput): void {
  expect(output.headers.get('wechatpay-serial')).toBe(publicKeyId);
  expect(verifiesWith(simulatorKey, output.headers, output.text)).toBe(true);
}

describe('ordering', () => {
  it('native answers a weixin:// code_url, signed under the public key id; the same order again answers the same', async () => {
    const body = order();
    const created = raw(await sandbox.sdk.transactions_native(body));
    expect(created.status).toBe(200);
    expect(created.data).toEqual({ code_url: expect.stringMatching(/^weixin:\/\/wxpay\/bizpayurl\?pr=\w+$/) });
    expectSignedAsPublicKey(created);
    const again = raw(await sandbox.sdk.transactions_native(body));
    expect(again.data).toEqual(created.data);
  });

  it('h5 answers an h5_url, jsapi and app a prepay_id', async () => {
    const h5 = raw(await sandbox.sdk.transactions_h5(order({ scene_info: { payer_client_ip: '203.0.113.9', h5_info: { type: 'Wap' } } }) as never));
    expect(h5.data).toEqual({ h5_url: expect.stringMatching(/\/sandbox\/wechatpay\/h5\/\w+\?prepay_id=wx\w+&package=\d+$/) });
    const jsapi = raw(await sandbox.sdk.transactions_jsapi(order({ payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' } }) as never));
    // The SDK turns the prepay_id into wx.requestPayment's parameters; the wire answer is WeChat's.
    expect(JSON.parse(jsapi.text)).toEqual({ prepay_id: expect.stringMatching(/^wx\d{14}[0-9a-f]{20}$/) });
    expect(jsapi.data).toMatchObject({ package: `prepay_id=${(JSON.parse(jsapi.text) as { prepay_id: string }).prepay_id}` });
    const app = raw(await sandbox.sdk.transactions_app(order()));
    expect(JSON.parse(app.text)).toEqual({ prepay_id: expect.stringMatching(/^wx/) });
  });

  it('refuses the same out_trade_no with other details: 201 商户订单号重复', async () => {
    const body = order();
    await sandbox.sdk.transactions_native(body);
    const changed = raw(await sandbox.sdk.transactions_native({ ...body, amount: { total: 1, currency: 'CNY' } }));
    expect(changed.status).toBe(400);
    expect(errorOf(changed)).toMatchObject({ code: 'INVALID_REQUEST', message: '201 商户订单号重复' });
    expectSignedAsPublicKey(changed);
  });

  it.each([
    ['out_trade_no', { out_trade_no: 'ab12' }],
    ['out_trade_no', { out_trade_no: 'has space 123' }],
    ['amount/total', { amount: { total: 0, currency: 'CNY' } }],
    ['amount/total', { amount: { total: 1.5, currency: 'CNY' } }],
    ['description', { description: '物'.repeat(43) }],
    ['notify_url', { notify_url: 'ftp://example.com/notify' }],
    ['notify_url', { notify_url: 'https://example.com/notify?x=1' }],
  ])('refuses a bad %s with PARAM_ERROR naming it, storing nothing', async (field, overrides) => {
    const before = await db().sandboxWechatTrade.count();
    const refused = raw(await sandbox.sdk.transactions_native(order(overrides)));
    expect(refused.status).toBe(400);
    expect(errorOf(refused)).toMatchObject({ code: 'PARAM_ERROR', detail: { field } });
    expect(await db().sandboxWechatTrade.count()).toBe(before);
  });

  it('needs scene_info.h5_info for h5 and payer.openid for jsapi', async () => {
    const h5 = raw(await sandbox.sdk.transactions_h5(order({ scene_info: { payer_client_ip: '203.0.113.9' } }) as never));
    expect(errorOf(h5)).toMatchObject({ code: 'PARAM_ERROR', detail: { field: 'scene_info/h5_info' } });
    const jsapi = raw(await sandbox.sdk.transactions_jsapi(order() as never));
    expect(errorOf(jsapi)).toMatchObject({ code: 'PARAM_ERROR', detail: { field: 'payer' } });
  });

  it('refuses an appid not bound to the merchant', async () => {
    const refused = raw(await sandbox.sdk.transactions_native(order({ appid: 'wx0000000000000000' })));
    expect([refused.status, errorOf(refused).code]).toEqual([400, 'APPID_MCHID_NOT_MATCH']);
  });
});

describe('authentication', () => {
  const path = '/v3/pay/transactions/native';

  async function send(authorization: string | null, body: string): Promise<Response> {
    return fetch(`${sandbox.apiBase}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body,
    });
  }

  function authorization(body: string, timestamp: number, signedBody = body): string {
    const nonce = 'A1b2C3d4E5f6G7h8';
    const signature = sandbox.sdk.getSignature('POST', nonce, String(timestamp), path, JSON.parse(signedBody) as Record<string, unknown>);
    return sandbox.sdk.getAuthorization(nonce, String(timestamp), signature);
  }

  it('refuses unsigned, forged, tampered, stale and wrong-serial requests with 401 SIGN_ERROR, storing nothing', async () => {
    const before = await db().sandboxWechatTrade.count();
    const body = JSON.stringify({ appid: sandbox.merchant.appId, mchid: sandbox.merchant.mchId, ...order() });
    const now = Math.floor(Date.now() / 1000);
    const forger = sandbox.sdkFor(sandbox.merchant, { privateKeyPem: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    const attempts: Array<Promise<Response | RawOutput>> = [
      send(null, body),
      send(authorization(body, now - 6 * 60), body),
      send(authorization(body, now, body.replace('12345', '1')), body.replace('12345', '1').replace('物业费', '物业费!')),
      send(authorization(body, now).replace(/^WECHATPAY2-SHA256-RSA2048/, 'WECHATPAY2-SHA256-RSA1024'), body),
      forger.transactions_native(order()) as Promise<RawOutput>,
      sandbox.sdkFor(sandbox.merchant, { serialNo: 'ABCDEF0123456789' }).transactions_native(order()) as Promise<RawOutput>,
    ];
    for (const attempt of await Promise.all(attempts)) {
      const status = attempt.status;
      const text = attempt instanceof Response ? await attempt.text() : attempt.text;
      expect([status, (JSON.parse(text) as { code: string }).code]).toEqual([401, 'SIGN_ERROR']);
    }
    // The control: the same path and body, signed properly, is accepted.
    expect((await send(authorization(body, now), body)).status).toBe(200);
    expect(await db().sandboxWechatTrade.count()).toBe(before + 1);
  });

  it('refuses a body whose mchid is not the signer', async () => {
    const other = await sandbox.addMerchant('PUBLIC_KEY');
    const refused = raw(await sandbox.sdk.transactions_native(order({ mchid: other.mchId })));
    expect(errorOf(refused)).toMatchObject({ code: 'PARAM_ERROR', detail: { field: 'mchid' } });
  });
});

describe('query, close and refunds', () => {
  it('queries NOTPAY, then SUCCESS by out_trade_no and by transaction_id once paid', async () => {
    const body = order();
    await sandbox.sdk.transactions_native(body);
    const unpaid = raw(await sandbox.sdk.query({ out_trade_no: body.out_trade_no }));
    expect(unpaid.data).toMatchObject({ trade_state: 'NOTPAY', out_trade_no: body.out_trade_no, mchid: sandbox.merchant.mchId, amount: { total: 12_345 } });
    expect(unpaid.data).not.toHaveProperty('transaction_id');
    expectSignedAsPublicKey(unpaid);

    await payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: body.out_trade_no });
    const paid = raw(await sandbox.sdk.query({ out_trade_no: body.out_trade_no })).data as Record<string, unknown>;
    expect(paid).toMatchObject({ trade_state: 'SUCCESS', trade_type: 'NATIVE', transaction_id: expect.stringMatching(/^\d{28}$/), amount: { total: 12_345, payer_total: 12_345 } });
    expect(paid.success_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    const byId = raw(await sandbox.sdk.query({ transaction_id: paid.transaction_id as string }));
    expect(byId.data).toEqual(paid);
  });

  it('answers 404 ORDER_NOT_EXIST for an unknown order, and for another merchant\'s', async () => {
    const body = order();
    await sandbox.sdk.transactions_native(body);
    const other = sandbox.sdkFor(await sandbox.addMerchant('PUBLIC_KEY'));
    for (const output of [await sandbox.sdk.query({ out_trade_no: 'NO-SUCH-ORDER-1' }), await other.query({ out_trade_no: body.out_trade_no })]) {
      expect([raw(output).status, errorOf(output).code]).toEqual([404, 'ORDER_NOT_EXIST']);
    }
  });

  it('closes an unpaid order (204, idempotent, then CLOSED and unpayable) but not a paid one', async () => {
    const unpaid = order();
    await sandbox.sdk.transactions_native(unpaid);
    const closed = raw(await sandbox.sdk.close(unpaid.out_trade_no));
    expect([closed.status, closed.text]).toEqual([204, '']);
    expectSignedAsPublicKey(closed);
    expect(raw(await sandbox.sdk.close(unpaid.out_trade_no)).status).toBe(204);
    expect((raw(await sandbox.sdk.query({ out_trade_no: unpaid.out_trade_no })).data as { trade_state: string }).trade_state).toBe('CLOSED');
    await expect(payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: unpaid.out_trade_no })).rejects.toThrow(/CLOSED/);

    const paid = order();
    await sandbox.sdk.transactions_native(paid);
    await payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: paid.out_trade_no });
    const refused = await sandbox.sdk.close(paid.out_trade_no);
    expect([raw(refused).status, errorOf(refused).code]).toEqual([400, 'ORDERPAID']);
  });

  it('enforces time_expire: past it a NOTPAY order reads CLOSED and cannot be paid', async () => {
    const body = order({ time_expire: new Date(Date.now() + 1500).toISOString().replace(/\.\d{3}Z$/, '+00:00') });
    expect(raw(await sandbox.sdk.transactions_native(body)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((raw(await sandbox.sdk.query({ out_trade_no: body.out_trade_no })).data as { trade_state: string }).trade_state).toBe('CLOSED');
    await expect(payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: body.out_trade_no })).rejects.toThrow(/CLOSED/);
  });

  it('refunds within the paid amount, idempotently by out_refund_no, and answers errors as WeChat', async () => {
    const body = order();
    await sandbox.sdk.transactions_native(body);
    const notPaid = await sandbox.sdk.refunds({ out_trade_no: body.out_trade_no, out_refund_no: `R${body.out_trade_no}`, amount: { refund: 100, total: 12_345, currency: 'CNY' } });
    expect([raw(notPaid).status, errorOf(notPaid).code]).toEqual([400, 'INVALID_REQUEST']);
    await payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: body.out_trade_no });

    const first = { out_trade_no: body.out_trade_no, out_refund_no: `R1${body.out_trade_no}`, reason: '退费', notify_url: sandbox.notifyUrl, amount: { refund: 10_000, total: 12_345, currency: 'CNY' } };
    const created = raw(await sandbox.sdk.refunds(first));
    expect(created.status).toBe(200);
    expect(created.data).toMatchObject({ out_refund_no: first.out_refund_no, status: 'PROCESSING', refund_id: expect.stringMatching(/^\d{29}$/), amount: { refund: 10_000, total: 12_345 } });
    expectSignedAsPublicKey(created);
    const queried = raw(await sandbox.sdk.find_refunds(first.out_refund_no));
    expect(queried.data).toMatchObject({ status: 'SUCCESS', success_time: expect.any(String), refund_id: (created.data as { refund_id: string }).refund_id });

    const repeated = raw(await sandbox.sdk.refunds(first));
    expect(repeated.data).toMatchObject({ refund_id: (created.data as { refund_id: string }).refund_id, status: 'SUCCESS' });
    const changed = await sandbox.sdk.refunds({ ...first, amount: { ...first.amount, refund: 9_000 } });
    expect(errorOf(changed).code).toBe('INVALID_REQUEST');
    const tooMuch = await sandbox.sdk.refunds({ ...first, out_refund_no: `R2${body.out_trade_no}`, amount: { ...first.amount, refund: 2_346 } });
    expect([raw(tooMuch).status, errorOf(tooMuch).code]).toEqual([400, 'INVALID_REQUEST']);
    const wrongTotal = await sandbox.sdk.refunds({ ...first, out_refund_no: `R3${body.out_trade_no}`, amount: { refund: 1, total: 12_000, currency: 'CNY' } });
    expect(errorOf(wrongTotal)).toMatchObject({ code: 'PARAM_ERROR', detail: { field: 'amount/total' } });
    const rest = raw(await sandbox.sdk.refunds({ ...first, out_refund_no: `R4${body.out_trade_no}`, amount: { ...first.amount, refund: 2_345 } }));
    expect(rest.status).toBe(200);

    const trade = await db().sandboxWechatTrade.findUniqueOrThrow({ where: { mchId_outTradeNo: { mchId: sandbox.merchant.mchId, outTradeNo: body.out_trade_no } } });
    expect([trade.refundedFen, trade.state]).toEqual([12_345, 'REFUND']);
    expect((raw(await sandbox.sdk.query({ out_trade_no: body.out_trade_no })).data as { trade_state: string }).trade_state).toBe('REFUND');
    const missing = await sandbox.sdk.find_refunds('NO-SUCH-REFUND');
    expect([raw(missing).status, errorOf(missing).code]).toEqual([404, 'RESOURCE_NOT_EXISTS']);
    const unknownOrder = await sandbox.sdk.refunds({ ...first, out_trade_no: 'NO-SUCH-ORDER-2', out_refund_no: 'R-unknown' });
    expect([raw(unknownOrder).status, errorOf(unknownOrder).code]).toEqual([404, 'RESOURCE_NOT_EXISTS']);
  });
});

describe('platform certificate mode', () => {
  it('serves /v3/certificates encrypted with the APIv3 key, and signs under the certificate serial', async () => {
    const merchant = await sandbox.addMerchant('PLATFORM_CERT');
    const sdk = sandbox.sdkFor(merchant);
    const platform = await sandboxPlatformCertificate();
    const certificates = (await sdk.get_certificates(merchant.apiV3Key)) as unknown as Array<{ serial_no: string; encrypt_certificate: { associated_data: string; nonce: string } }>;
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({ serial_no: platform.serial, encrypt_certificate: { associated_data: 'certificate', nonce: expect.stringMatching(/^\w{12}$/) } });
    const pem = sdk.decipher_gcm<string>((certificates[0] as unknown as { encrypt_certificate: { ciphertext: string } }).encrypt_certificate.ciphertext, 'certificate', certificates[0]!.encrypt_certificate.nonce);
    const certificate = new X509Certificate(pem);
    expect(certificate.serialNumber.toUpperCase()).toBe(platform.serial);

    const created = raw(await sdk.transactions_native(order()));
    expect(created.headers.get('wechatpay-serial')).toBe(platform.serial);
    expect(verifiesWith(certificate.publicKey, created.headers, created.text)).toBe(true);
    // The SDK's own verification, which fetches /v3/certificates itself, accepts the answer too.
    const verified = await sdk.verifySign({
      timestamp: created.headers.get('wechatpay-timestamp')!,
      nonce: created.headers.get('wechatpay-nonce')!,
      serial: created.headers.get('wechatpay-serial')!,
      signature: created.headers.get('wechatpay-signature')!,
      body: created.text,
    });
    expect(verified).toBe(true);

    // A refusal is signed for this merchant too, under the serial it trusts.
    const forged = raw(await sandbox.sdkFor(merchant, { privateKeyPem: sandbox.merchant.privateKeyPem }).transactions_native(order()));
    expect([forged.status, forged.headers.get('wechatpay-serial')]).toEqual([401, platform.serial]);
    expect(verifiesWith(certificate.publicKey, forged.headers, forged.text)).toBe(true);
  });
});
