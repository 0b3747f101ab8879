// The dashboard's split procedures (splitReceivers.*, paymentSplits.*) through the tRPC caller, against
// the real WeChat Pay plugin and simulator: roles, validation naming the field, the channel's refusals
// as CHANNEL_ERROR (never a 500), what staff see of a payment's splits, and the audited finish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { db } from '@/server/db/client';
import { toAppError } from '@/server/errors/app-error';
import { startAppServer } from '@/server/testing/app-server';
import { contextFor, makeUser } from '@/server/testing/fixtures';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paidWechatPayment, splitTenant, type SplitTenant } from '@/server/testing/split-payments';
import { settledRefund } from '@/server/testing/split-refunds';

let server: RunningServer;
let tenant: SplitTenant;
let staff: ReturnType<typeof createCaller>;
let auditor: ReturnType<typeof createCaller>;
let admin: ReturnType<typeof createCaller>;

/** The tRPC code and the app's error of a refused call. */
async function refusal(call: Promise<unknown>) {
  const error = (await call.then(
    () => null,
    (failure: unknown) => failure,
  )) as { code: string; cause?: unknown } | null;
  expect(error, 'the call was not refused').not.toBeNull();
  // Input errors arrive as zod's; the error formatter reads them as AppErrors, as here.
  const app = error!.cause instanceof Error ? toAppError(error!.cause) : null;
  return { code: error!.code, appCode: app?.code, details: app?.details };
}

beforeAll(async () => {
  server = await startAppServer();
  tenant = await splitTenant({ baseUrl: server.baseUrl });
  const caller = async (role: 'COMPANY_STAFF' | 'AUDITOR') => createCaller(contextFor((await makeUser(role, tenant.companyId)).user));
  staff = await caller('COMPANY_STAFF');
  auditor = await caller('AUDITOR');
  admin = createCaller(contextFor({ id: tenant.companyAdmin.userId, email: tenant.companyAdmin.email, name: 'admin', role: 'COMPANY_ADMIN', companyId: tenant.companyId }));
});
afterAll(async () => {
  await server?.close();
});

describe('split receivers of a payment channel', () => {
  it('lists the settings and receivers to every role of the company, a person’s account masked and no name in clear', async () => {
    for (const caller of [admin, staff, auditor]) {
      const listed = await caller.splitReceivers.list({ paymentId: tenant.wechatPaymentId });
      expect(listed.channel).toMatchObject({ channel: 'WECHATPAY', splitEnabled: true, maxSplitRatioBps: 3000, splitRatioCeilingBps: 3000, accountTypes: ['MERCHANT_ID', 'PERSONAL_OPENID'] });
      expect(listed.receivers.map((r) => [r.id, r.account, r.hasName, r.status])).toEqual([
        [tenant.receiverIds[0], '1900000109', true, 'ACTIVE'],
        [tenant.receiverIds[1], 'oUpF****eS6o', true, 'ACTIVE'],
      ]);
      expect(JSON.stringify(listed)).not.toMatch(/nameSealed|花园保洁|张三|oUpF8uMuAJO_M2pxb1Q9zNjWeS6o/);
    }
  });

  it('lets only admins register, and names the field the input lacks', async () => {
    const input = { paymentId: tenant.wechatPaymentId, accountType: 'PERSONAL_OPENID' as const, account: 'oStaff00000000000000000000001', relationType: 'USER' as const };
    expect(await refusal(staff.splitReceivers.register(input))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(auditor.splitReceivers.register(input))).toMatchObject({ code: 'FORBIDDEN' });
    const noName = await refusal(admin.splitReceivers.register({ ...input, accountType: 'MERCHANT_ID', account: '1900000110' }));
    expect(noName).toMatchObject({ code: 'BAD_REQUEST', details: { fields: { name: expect.any(String) } } });
    const noCustom = await refusal(admin.splitReceivers.register({ ...input, relationType: 'CUSTOM' }));
    expect(noCustom).toMatchObject({ code: 'BAD_REQUEST', details: { fields: { customRelation: expect.any(String) } } });
    expect(await db().splitReceiver.count({ where: { paymentChannelId: tenant.wechatPaymentId } })).toBe(2);
  });

  it('refuses a channel with splitting off as SPLIT_NOT_SUPPORTED and stores nothing', async () => {
    const off = await refusal(admin.splitReceivers.register({ paymentId: tenant.paymentId, accountType: 'MERCHANT_ID', account: '1900000111', name: '某公司', relationType: 'SUPPLIER' }));
    expect(off).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', appCode: 'SPLIT_NOT_SUPPORTED' });
    expect(await db().splitReceiver.count({ where: { paymentChannelId: tenant.paymentId } })).toBe(0);
  });

  it('keeps WeChat Pay’s 30 % ceiling, names maxSplitRatioBps, and audits a change', async () => {
    const above = await refusal(admin.splitReceivers.updateSettings({ paymentId: tenant.wechatPaymentId, splitEnabled: true, maxSplitRatioBps: 3001 }));
    expect(above).toMatchObject({ code: 'BAD_REQUEST', details: { fields: { maxSplitRatioBps: expect.any(String) } } });
    expect(await refusal(staff.splitReceivers.updateSettings({ paymentId: tenant.wechatPaymentId, splitEnabled: false }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await admin.splitReceivers.updateSettings({ paymentId: tenant.wechatPaymentId, splitEnabled: true, maxSplitRatioBps: 2500 })).toEqual({
      paymentId: tenant.wechatPaymentId,
      splitEnabled: true,
      maxSplitRatioBps: 2500,
    });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: 'channel.update-split-settings', targetId: tenant.wechatPaymentId }, orderBy: { createdAt: 'desc' } });
    expect(audit.summary).toEqual({ before: { splitEnabled: true, maxSplitRatioBps: 3000 }, after: { splitEnabled: true, maxSplitRatioBps: 2500 } });
    await admin.splitReceivers.updateSettings({ paymentId: tenant.wechatPaymentId, splitEnabled: true, maxSplitRatioBps: 3000 });
  });

  it('registers and removes at the channel, audited; a refusal by the channel is CHANNEL_ERROR and stores nothing', async () => {
    const input = { paymentId: tenant.wechatPaymentId, accountType: 'PERSONAL_OPENID' as const, account: 'oCommittee000000000000000001', relationType: 'CUSTOM' as const, customRelation: '业委会' };
    // WeChat Pay refuses an appid that is not the merchant's: here the simulated merchant's own changes.
    const where = { paymentChannelId: tenant.wechatPaymentId };
    const { appId } = await db().sandboxAccount.findUniqueOrThrow({ where });
    await db().sandboxAccount.update({ where, data: { appId: 'wx0000000000000000' } });
    const refused = await refusal(admin.splitReceivers.register(input)).finally(() => db().sandboxAccount.update({ where, data: { appId } }));
    expect(refused).toMatchObject({ code: 'BAD_GATEWAY', appCode: 'CHANNEL_ERROR', details: { channelCode: 'APPID_MCHID_NOT_MATCH', retryable: false } });
    expect(await db().splitReceiver.count({ where: { account: input.account } })).toBe(0);

    const registered = await admin.splitReceivers.register(input);
    expect(registered).toMatchObject({ account: 'oCom****0001', relationType: 'CUSTOM', customRelation: '业委会', status: 'ACTIVE', hasName: false });
    expect(await db().sandboxWechatReceiver.count({ where: { account: input.account } })).toBe(1);
    expect(await refusal(staff.splitReceivers.remove({ receiverId: registered.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await admin.splitReceivers.remove({ receiverId: registered.id })).toMatchObject({ id: registered.id, status: 'REMOVED' });
    expect(await db().sandboxWechatReceiver.count({ where: { account: input.account } })).toBe(0);
    expect(await db().auditLog.count({ where: { action: { in: ['split-receiver.register', 'split-receiver.remove'] }, targetId: registered.id } })).toBe(2);
  });
});

describe('a payment’s splits on its page', () => {
  it('shows each split with its lines, the amounts and a timeline; staff finish it, audited, and no split follows', async () => {
    const { serialNo } = await paidWechatPayment(tenant, { amount: 10_000 });
    const split = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/splits`, {
      splitNo: `DASH-${serialNo.slice(-8)}`,
      receivers: [
        { receiverId: tenant.receiverIds[0], amount: 1_000, description: '保洁服务费' },
        { receiverId: tenant.receiverIds[1], amount: 500, description: '维修分成' },
      ],
    });
    expect(split.status).toBe(201);

    const seen = await auditor.paymentSplits.get({ serialNo });
    expect(seen).toMatchObject({ serialNo, profitSharing: true, splitAmount: 1_500, splittableAmount: 1_500, finishable: true, finishRequestedAt: null, finishedAt: null });
    expect(seen.splits).toEqual([
      expect.objectContaining({
        splitSerialNo: split.body.split.splitSerialNo,
        splitNo: `DASH-${serialNo.slice(-8)}`,
        amount: 1_500,
        status: 'SUCCEEDED',
        lines: [
          expect.objectContaining({ receiverId: tenant.receiverIds[0], receiverAccount: '1900000109', amount: 1_000, description: '保洁服务费', status: 'SUCCEEDED', failReason: null }),
          expect.objectContaining({ receiverId: tenant.receiverIds[1], receiverAccount: 'oUpF****eS6o', amount: 500, description: '维修分成', status: 'SUCCEEDED', failReason: null }),
        ],
      }),
    ]);
    expect(seen.timeline.map((entry) => entry.kind)).toEqual(['split.created', 'split.line.settled', 'split.line.settled']);

    expect(await refusal(auditor.paymentSplits.finish({ serialNo }))).toMatchObject({ code: 'FORBIDDEN' });
    const finished = await staff.paymentSplits.finish({ serialNo });
    expect(finished).toEqual({ serialNo, finishRequestedAt: expect.any(Date), finishedAt: expect.any(Date) });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: 'payment.finish-splits', targetId: serialNo } });
    expect(audit).toMatchObject({ companyId: tenant.companyId, actorRole: 'COMPANY_STAFF' });

    const after = await staff.paymentSplits.get({ serialNo });
    expect(after).toMatchObject({ splittableAmount: 0, finishable: false, finishedAt: finished.finishedAt });
    expect(after.timeline.at(-1)?.kind).toBe('splits.finished');
    const late = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/splits`, { splitNo: `LATE-${serialNo.slice(-8)}`, receivers: [{ receiverId: tenant.receiverIds[0], amount: 1, description: 'late' }] });
    expect(late.body.error.code).toBe('SPLIT_FINISHED');
  });

  it('lists the money taken back from a receiver for a refund under the split it came from', async () => {
    const { serialNo } = await paidWechatPayment(tenant, { amount: 5_000 });
    const split = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/splits`, {
      splitNo: `BACK-${serialNo.slice(-8)}`,
      receivers: [{ receiverId: tenant.receiverIds[0], amount: 1_000, description: '保洁服务费' }],
    });
    expect(split.body.split.status).toBe('SUCCEEDED');
    // 4 600 is 600 more than the splits leave free: that much comes back from the merchant receiver first.
    const refund = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/refunds`, { refundNo: `BACK-${serialNo.slice(-8)}`, amount: 4_600 });
    expect(refund.status).toBeLessThan(300);
    expect(await settledRefund(refund.body.refund.refundSerialNo)).toMatchObject({ status: 'SUCCEEDED' });

    const seen = await auditor.paymentSplits.get({ serialNo });
    expect(seen.splitAmount).toBe(400);
    expect(seen.splits[0]?.lines).toEqual([expect.objectContaining({ receiverAccount: '1900000109', amount: 1_000, returnedAmount: 600 })]);
    expect(seen.splits[0]?.returns).toEqual([
      expect.objectContaining({ refundSerialNo: refund.body.refund.refundSerialNo, receiverAccount: '1900000109', amount: 600, status: 'SUCCEEDED', failReason: null, finishedAt: expect.any(Date) }),
    ]);
  });

  it('has nothing to finish on a payment made without profitSharing: SPLIT_NOT_ALLOWED, not audited', async () => {
    const { serialNo } = await paidWechatPayment(tenant, { amount: 2_000, profitSharing: false });
    expect(await staff.paymentSplits.get({ serialNo })).toMatchObject({ profitSharing: false, splitAmount: 0, splittableAmount: 0, finishable: false, splits: [], timeline: [] });
    expect(await refusal(staff.paymentSplits.finish({ serialNo }))).toMatchObject({ code: 'CONFLICT', appCode: 'SPLIT_NOT_ALLOWED' });
    expect(await db().auditLog.count({ where: { action: 'payment.finish-splits', targetId: serialNo } })).toBe(0);
  });
});
