// The Alipay plugin's split operations end to end through the real alipay-sdk, against the built-in
// simulator on a real HTTP server: royalty relations, settle (with royalty_finish), settle.query, and
// refunds that take money back from receivers (refund_royalty_parameters), each with Alipay's refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as gateway } from '@/app/sandbox/alipay/gateway.do/route';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { db } from '@/server/db/client';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { ChannelError } from '@/server/gateway/channel-error';
import { parseRequest } from '@/server/gateway/request-parser';
import type { ChannelAccount, SplitAccount, SplitCapability } from '@/server/gateway/types';
import { randomBase62 } from '@/server/lib/ids';
import { payAlipayTrade } from '@/server/sandbox/alipay';
import { serveRouteHandlers, type RunningServer } from '@/server/sandbox/alipay/testing/serve-route-handlers';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { alipayPlugin as plugin } from './index';

let server: RunningServer;
let account: ChannelAccount;
let appId: string;

function supportedSplits(capability: SplitCapability) {
  if (capability.kind !== 'SUPPORTED') throw new Error('Alipay declares splitting');
  return capability;
}

const splits = supportedSplits(plugin.splits);
const company: SplitAccount = { accountType: 'ALIPAY_USER_ID', account: '2088102146225135' };
const person: SplitAccount = { accountType: 'ALIPAY_LOGON_ID', account: 'repair@garden.example' };
const serial = (prefix: string) => `${prefix}${Date.now()}${randomBase62(12)}`;

beforeAll(async () => {
  server = await serveRouteHandlers({ '/sandbox/alipay/gateway.do': gateway, '/notify': () => Promise.resolve(new Response('success')) });
  const admin = await platformAdmin();
  const companyAdmin = await makeUser('COMPANY_ADMIN', (await makeCompany(admin)).id);
  const merchant = await createMerchant({ actor: companyAdmin, input: { name: '花园小区', description: null } });
  const channel = await activateChannel({ actor: companyAdmin, input: { merchantId: merchant.id, channel: 'ALIPAY', mode: 'SANDBOX', invokeMethods: ['MINI_PROGRAM'] } });
  account = { ...(await loadChannelAccount(channel.paymentId)), endpoint: `${server.baseUrl}/sandbox/alipay` };
  appId = account.credentials.channel === 'ALIPAY' ? account.credentials.appId : '';
  await splits.bindReceiver({ account, receiver: { ...company, name: '花园保洁服务有限公司', relationType: 'SUPPLIER', customRelation: null } });
  await splits.bindReceiver({ account, receiver: { ...person, name: '李四', relationType: 'CUSTOM', customRelation: '维修师傅' } });
});

afterAll(() => server?.close());

/** A paid mini-program trade, with its funds held for settling unless `profitSharing` is false. */
async function paidTrade(amount: number, profitSharing = true): Promise<{ serialNo: string; channelTradeNo: string }> {
  const serialNo = serial('P');
  const created = await plugin.createPayment({
    account,
    execution: parseRequest({ channel: 'ALIPAY', invokeMethod: 'MINI_PROGRAM', enabled: ['MINI_PROGRAM'], payerBuyerId: '2088102177846880' }),
    serialNo,
    amount,
    subject: '物业费 2026-12',
    expiresAt: new Date(Date.now() + 15 * 60_000),
    notifyUrl: `${server.baseUrl}/notify`,
    payer: { buyerId: '2088102177846880' },
    profitSharing,
  });
  await payAlipayTrade({ appId, outTradeNo: serialNo });
  return { serialNo, channelTradeNo: created.channelTradeNo! };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

async function expectRefused(promise: Promise<unknown>, channelCode: string): Promise<void> {
  const error = await refusal(promise);
  expect(error).toBeInstanceOf(ChannelError);
  expect(error).toMatchObject({ channelCode, retryable: false });
}

const trade = (serialNo: string) => db().sandboxAlipayTrade.findUniqueOrThrow({ where: { appId_outTradeNo: { appId, outTradeNo: serialNo } } });

describe('Alipay royalty relations', () => {
  it('binds a user id and a logon name with their names and relation, once per account', async () => {
    await splits.bindReceiver({ account, receiver: { ...company, name: '花园保洁服务有限公司', relationType: 'SUPPLIER', customRelation: null } });
    const bound = await db().sandboxAlipayRoyaltyRelation.findMany({ where: { appId }, orderBy: { type: 'asc' } });
    expect(bound.map((r) => [r.type, r.account, r.name, r.memo])).toEqual([
      ['loginName', 'repair@garden.example', '李四', '维修师傅'],
      ['userId', '2088102146225135', '花园保洁服务有限公司', 'SUPPLIER'],
    ]);
  });

  it('refuses a logon name without the holder’s name, and a user id that is not one', async () => {
    await expectRefused(splits.bindReceiver({ account, receiver: { accountType: 'ALIPAY_LOGON_ID', account: 'x@garden.example', name: null, relationType: 'PARTNER', customRelation: null } }), 'ACQ.INVALID_PARAMETER');
    await expectRefused(splits.bindReceiver({ account, receiver: { accountType: 'ALIPAY_USER_ID', account: '12345', name: null, relationType: 'PARTNER', customRelation: null } }), 'ACQ.INVALID_PARAMETER');
    await expectRefused(splits.bindReceiver({ account, receiver: { accountType: 'MERCHANT_ID', account: '1900000109', name: 'x', relationType: 'PARTNER', customRelation: null } }), 'ACCOUNT_TYPE_NOT_SUPPORTED');
  });

  it('unbinds, after which Alipay settles nothing to the receiver', async () => {
    const other: SplitAccount = { accountType: 'ALIPAY_USER_ID', account: '2088000000000001' };
    await splits.bindReceiver({ account, receiver: { ...other, name: null, relationType: 'PARTNER', customRelation: null } });
    await splits.unbindReceiver({ account, receiver: other });
    expect(await db().sandboxAlipayRoyaltyRelation.count({ where: { appId, account: other.account } })).toBe(0);
    const { serialNo, channelTradeNo } = await paidTrade(1_000);
    await expectRefused(splits.split({ account, serialNo, channelTradeNo, splitSerialNo: serial('S'), lines: [{ ...other, amount: 100, description: '分成' }], finish: false }), 'ACQ.INVALID_PARAMETER');
    expect((await trade(serialNo)).settledFen).toBe(0);
  });
});

describe('Alipay settle', () => {
  it('asks Alipay to hold the funds, settles to each receiver, reads the result back, and repeats idempotently', async () => {
    const { serialNo, channelTradeNo } = await paidTrade(10_000);
    expect((await trade(serialNo)).royaltyFreeze).toBe(true);
    const request = { account, serialNo, channelTradeNo, splitSerialNo: serial('S'), lines: [{ ...company, amount: 1_000, description: '保洁服务费' }, { ...person, amount: 550, description: '维修分成' }], finish: false };
    const state = await splits.split(request);
    expect(state).toMatchObject({
      state: 'FINISHED',
      channelSplitNo: expect.stringMatching(/^\d{32}$/),
      lines: [
        { ...company, amount: 1_000, state: 'SUCCEEDED', failReason: null, channelDetailId: expect.any(String) },
        { ...person, amount: 550, state: 'SUCCEEDED', failReason: null, channelDetailId: expect.any(String) },
      ],
    });
    expect(await splits.querySplit({ account, channelTradeNo, splitSerialNo: request.splitSerialNo })).toMatchObject({ state: 'FINISHED', lines: state.lines });
    expect(await splits.split(request)).toMatchObject({ channelSplitNo: state.channelSplitNo, lines: state.lines });
    expect((await trade(serialNo)).settledFen).toBe(1_550);
    // The same out_request_no with other receivers is another request to Alipay, and refused.
    await expectRefused(splits.split({ ...request, lines: [{ ...company, amount: 999, description: '保洁服务费' }] }), 'ACQ.DISCORDANT_REPEAT_REQUEST');
    expect(await splits.querySplit({ account, channelTradeNo, splitSerialNo: serial('S') })).toMatchObject({ state: 'NOT_FOUND', lines: [] });
  });

  it('refuses what Alipay refuses: past the 30 % ceiling, a trade whose funds were not held', async () => {
    const held = await paidTrade(1_000);
    const line = (amount: number) => [{ ...company, amount, description: '服务费' }];
    await expectRefused(splits.split({ account, ...held, splitSerialNo: serial('S'), lines: line(301), finish: false }), 'ACQ.ALLOC_AMOUNT_VALIDATE_ERROR');
    await splits.split({ account, ...held, splitSerialNo: serial('S'), lines: line(300), finish: false });
    await expectRefused(splits.split({ account, ...held, splitSerialNo: serial('S'), lines: line(1), finish: false }), 'ACQ.ALLOC_AMOUNT_VALIDATE_ERROR');
    const plain = await paidTrade(1_000, false);
    expect((await trade(plain.serialNo)).royaltyFreeze).toBe(false);
    await expectRefused(splits.split({ account, ...plain, splitSerialNo: serial('S'), lines: line(100), finish: false }), 'ACQ.TRADE_STATUS_ERROR');
  });

  it('finishes with royalty_finish: the rest is released once, and no settle follows', async () => {
    const { serialNo, channelTradeNo } = await paidTrade(1_000);
    await splits.split({ account, serialNo, channelTradeNo, splitSerialNo: serial('S'), lines: [{ ...company, amount: 100, description: '服务费' }], finish: false });
    const finishOrderNo = serial('S');
    expect(await splits.finishSplit({ account, serialNo, channelTradeNo, finishOrderNo })).toMatchObject({ state: 'FINISHED' });
    expect(await splits.finishSplit({ account, serialNo, channelTradeNo, finishOrderNo })).toMatchObject({ state: 'FINISHED' });
    expect(await db().sandboxAlipaySettle.count({ where: { outRequestNo: finishOrderNo, royaltyFinish: true } })).toBe(1);
    expect((await trade(serialNo)).royaltyFinishedAt).not.toBeNull();
    await expectRefused(splits.split({ account, serialNo, channelTradeNo, splitSerialNo: serial('S'), lines: [{ ...company, amount: 100, description: '服务费' }], finish: false }), 'ACQ.ILLEGAL_SETTLE_STATE');
  });
});

describe('Alipay refunds of split payments', () => {
  it('take back from receivers only what was settled to them, else refund nothing; the merchant’s part alone refunds directly', async () => {
    const { serialNo, channelTradeNo } = await paidTrade(1_000);
    await splits.split({ account, serialNo, channelTradeNo, splitSerialNo: serial('S'), lines: [{ ...company, amount: 200, description: '服务费' }, { ...person, amount: 100, description: '分成' }], finish: true });
    const base = { account, serialNo, channelTradeNo, totalAmount: 1_000 };

    // More than the receiver was given, or from one it was never given to: refused, nothing refunded.
    await expectRefused(plugin.refund({ ...base, refundSerialNo: serial('R'), amount: 1_000, splitReturns: [{ ...company, amount: 201 }, { ...person, amount: 100 }] }), 'ACQ.ALLOC_AMOUNT_VALIDATE_ERROR');
    await expectRefused(plugin.refund({ ...base, refundSerialNo: serial('R'), amount: 100, splitReturns: [{ accountType: 'ALIPAY_USER_ID', account: '2088000000000002', amount: 100 }] }), 'ACQ.ALLOC_AMOUNT_VALIDATE_ERROR');
    // Money now with the receivers cannot be refunded from the merchant.
    await expectRefused(plugin.refund({ ...base, refundSerialNo: serial('R'), amount: 701 }), 'ACQ.SELLER_BALANCE_NOT_ENOUGH');
    expect(await trade(serialNo)).toMatchObject({ refundedFen: 0, settledFen: 300 });

    expect(await plugin.refund({ ...base, refundSerialNo: serial('R'), amount: 700 })).toMatchObject({ state: 'SUCCEEDED' });
    expect(await plugin.refund({ ...base, refundSerialNo: serial('R'), amount: 300, splitReturns: [{ ...company, amount: 200 }, { ...person, amount: 100 }] })).toMatchObject({ state: 'SUCCEEDED' });
    expect(await trade(serialNo)).toMatchObject({ refundedFen: 1_000, settledFen: 0, status: 'TRADE_CLOSED' });
    const refunds = await db().sandboxAlipayRefund.findMany({ where: { trade: { outTradeNo: serialNo } }, orderBy: { createdAt: 'asc' } });
    expect(refunds.map((refund) => refund.royaltyReturns)).toEqual([
      null,
      [
        { trans_out_type: 'userId', trans_out: company.account, amount: 200 },
        { trans_out_type: 'loginName', trans_out: person.account, amount: 100 },
      ],
    ]);
  });
});
