// Every tRPC procedure, called by users of company B with identifiers of company A (copied or
// guessed), must neither reveal nor change anything of company A; an auditor can change nothing.
// The table below must name every procedure: adding one without covering it here fails the test.
import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { appRouter, createCaller } from '@/server/api/root';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { addRobot } from '@/server/backend/dingtalk-robots/add-robot';
import { registerApp } from '@/server/backend/apps/register-app';
import { grantMerchant } from '@/server/backend/grants/grant-merchant';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { insertPayment } from '@/server/backend/payments/testing/payment-rows';
import { toPaymentObject } from '@/server/contract/payment';
import { newSerialNo } from '@/server/core/serial-numbers';
import { raiseAlert } from '@/server/messaging/raise-alert';
import { releaseFirstAttempt } from '@/server/messaging/testing/webhook-fixtures';
import { writeOutboxEvent } from '@/server/messaging/write-outbox-event';
import { newId } from '@/server/lib/ids';
import { contextFor, liveAlipayCredentials, makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';

interface CompanyA {
  companyId: string;
  adminUserId: string;
  staffUserId: string;
  merchantId: string;
  paymentId: string;
  certificateId: string;
  appId: string;
  secretId: string;
  serialNo: string;
  eventId: string;
  robotId: string;
  alertId: string;
  receiverId: string;
  splitSerialNo: string;
  discrepancyId: string;
}

const extraKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** Inputs aimed at company A for every procedure. */
const inputs: Record<string, (a: CompanyA) => unknown> = {
  'session.me': () => undefined,
  'companies.list': () => ({}),
  'companies.get': (a) => ({ companyId: a.companyId }),
  'companies.create': () => ({ name: 'Intruder Co.' }),
  'companies.update': (a) => ({ companyId: a.companyId, name: 'Hijacked' }),
  'companies.setStatus': (a) => ({ companyId: a.companyId, status: 'SUSPENDED' }),
  'users.list': (a) => ({ companyId: a.companyId }),
  'users.create': (a) => ({ email: 'intruder@example.com', name: 'Intruder', role: 'COMPANY_ADMIN', companyId: a.companyId }),
  'users.resetPassword': (a) => ({ userId: a.adminUserId }),
  'users.setDisabled': (a) => ({ userId: a.staffUserId, disabled: true }),
  'merchants.list': (a) => ({ companyId: a.companyId }),
  'merchants.get': (a) => ({ merchantId: a.merchantId }),
  'merchants.create': (a) => ({ name: 'Intruder merchant', companyId: a.companyId }),
  'merchants.update': (a) => ({ merchantId: a.merchantId, name: 'Hijacked' }),
  'merchants.setStatus': (a) => ({ merchantId: a.merchantId, status: 'DISABLED' }),
  'channels.get': (a) => ({ paymentId: a.paymentId }),
  'channels.activate': (a) => ({ merchantId: a.merchantId, channel: 'ALIPAY', mode: 'SANDBOX', invokeMethods: ['PC'] }),
  'channels.updateCredentials': (a) => ({ paymentId: a.paymentId, credentials: { alipayPublicKey: extraKey() } }),
  'channels.updateSettings': (a) => ({ paymentId: a.paymentId, status: 'DISABLED' }),
  'channels.addCertificate': (a) => ({ paymentId: a.paymentId, pem: extraKey() }),
  'channels.revokeCertificate': (a) => ({ certificateId: a.certificateId }),
  'apps.list': () => ({}),
  'apps.get': (a) => ({ appId: a.appId }),
  'apps.register': () => ({ name: 'Intruder app' }),
  'apps.update': (a) => ({ appId: a.appId, name: 'Hijacked' }),
  'apps.setStatus': (a) => ({ appId: a.appId, status: 'DISABLED' }),
  'apps.rotateSecret': (a) => ({ appId: a.appId }),
  'apps.revokeSecret': (a) => ({ appId: a.appId, secretId: a.secretId }),
  'grants.list': (a) => ({ merchantId: a.merchantId }),
  'grants.grant': (a) => ({ appId: a.appId, merchantId: a.merchantId }),
  'grants.revoke': (a) => ({ appId: a.appId, merchantId: a.merchantId }),
  'audit.list': (a) => ({ companyId: a.companyId }),
  'payments.list': (a) => ({ companyId: a.companyId }),
  'payments.get': (a) => ({ serialNo: a.serialNo }),
  'payments.refund': (a) => ({ serialNo: a.serialNo, amount: 100 }),
  'paymentSplits.get': (a) => ({ serialNo: a.serialNo }),
  'paymentSplits.finish': (a) => ({ serialNo: a.serialNo }),
  'webhooks.list': (a) => ({ companyId: a.companyId }),
  'webhooks.get': (a) => ({ eventId: a.eventId }),
  'webhooks.resend': (a) => ({ eventId: a.eventId }),
  'dingtalkRobots.list': (a) => ({ companyId: a.companyId }),
  'dingtalkRobots.add': (a) => ({ companyId: a.companyId, name: 'Intruder robot', webhookUrl: ROBOT_URL, secret: ROBOT_SECRET }),
  'dingtalkRobots.setEnabled': (a) => ({ robotId: a.robotId, enabled: false }),
  'dingtalkRobots.remove': (a) => ({ robotId: a.robotId }),
  'dingtalkRobots.sendTest': (a) => ({ robotId: a.robotId }),
  'alertRules.list': () => undefined,
  'alertRules.update': () => ({ kind: 'JOB_FAILING', enabled: false, severity: 'INFO', params: { consecutiveFailures: 1 } }),
  'alerts.list': (a) => ({ companyId: a.companyId, statuses: ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] }),
  'alerts.get': (a) => ({ alertId: a.alertId }),
  'alerts.acknowledge': (a) => ({ alertId: a.alertId }),
  'alerts.resolve': (a) => ({ alertId: a.alertId, note: 'Closed by an intruder' }),
  'analytics.overview': (a) => ({ period: 'custom', from: RECONCILED_DAY, to: RECONCILED_DAY, companyId: a.companyId, merchantId: a.merchantId, appId: a.appId }),
  'splitReceivers.list': (a) => ({ paymentId: a.paymentId }),
  'splitReceivers.register': (a) => ({ paymentId: a.paymentId, accountType: 'PERSONAL_OPENID', account: 'oIntruder000000000000000001', relationType: 'USER' }),
  'splitReceivers.remove': (a) => ({ receiverId: a.receiverId }),
  'splitReceivers.updateSettings': (a) => ({ paymentId: a.paymentId, splitEnabled: true }),
  'reconciliation.days': (a) => ({ companyId: a.companyId, to: RECONCILED_DAY }),
  'reconciliation.day': (a) => ({ paymentChannelId: a.paymentId, date: RECONCILED_DAY }),
  'reconciliation.resolve': (a) => ({ discrepancyId: a.discrepancyId, note: 'hijacked' }),
  'reconciliation.sync': (a) => ({ discrepancyId: a.discrepancyId }),
  'reconciliation.reconcileNow': (a) => ({ paymentChannelId: a.paymentId, date: RECONCILED_DAY }),
};

const ROBOT_URL = 'https://oapi.dingtalk.com/robot/send?access_token=companyarobottoken';
const ROBOT_SECRET = 'SECcompanyarobotsecret0123456789';
const RECONCILED_DAY = '2026-11-30';

let a: CompanyA;
let companyBUsers: Array<Awaited<ReturnType<typeof makeUser>>>;
let auditorA: Awaited<ReturnType<typeof makeUser>>;

/** Everything of company A (and the platform's apps), to compare before and after each call. */
async function snapshotA(): Promise<string> {
  const where = { companyId: a.companyId };
  return JSON.stringify([
    await db().propertyCompany.findUnique({ where: { id: a.companyId } }),
    await db().user.findMany({ where, orderBy: { id: 'asc' } }),
    await db().merchant.findMany({ where, orderBy: { id: 'asc' } }),
    await db().paymentChannel.findMany({ where, orderBy: { id: 'asc' } }),
    await db().trustedCertificate.findMany({ where, orderBy: { id: 'asc' } }),
    await db().appGrant.findMany({ where, orderBy: { id: 'asc' } }),
    await db().app.findMany({ orderBy: { id: 'asc' }, include: { secrets: { orderBy: { id: 'asc' } } } }),
    await db().payment.findMany({ where, orderBy: { serialNo: 'asc' }, include: { refunds: true } }),
    await db().webhookDelivery.findMany({ where, orderBy: { eventId: 'asc' }, include: { attempts: true } }),
    await db().dingtalkRobot.findMany({ where, orderBy: { id: 'asc' } }),
    await db().dingtalkMessage.findMany({ where, orderBy: { id: 'asc' } }),
    await db().alert.findMany({ where, orderBy: { id: 'asc' } }),
    await db().splitReceiver.findMany({ where, orderBy: { id: 'asc' } }),
    await db().split.findMany({ where, orderBy: { splitSerialNo: 'asc' }, include: { lines: { orderBy: { position: 'asc' } } } }),
    await db().reconciliationRun.findMany({ where, orderBy: { id: 'asc' }, include: { discrepancies: { orderBy: { id: 'asc' } } } }),
    await db().channelBill.findMany({ where, orderBy: { id: 'asc' } }),
    await db().dailyRollup.findMany({ where, orderBy: { day: 'asc' } }),
    // Rollup amounts are bigint, which JSON does not know.
  ], (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

/** Identifiers of company A that must never appear in an answer to company B. */
function secretsOfA(): string[] {
  return [a.companyId, a.adminUserId, a.staffUserId, a.merchantId, a.paymentId, a.certificateId, a.serialNo, a.eventId, a.robotId, a.alertId, a.receiverId, a.splitSerialNo, a.discrepancyId];
}

async function call(user: Awaited<ReturnType<typeof makeUser>>, path: string) {
  const caller = createCaller(contextFor(user.user)) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [router, procedure] = path.split('.') as [string, string];
  try {
    return { ok: true as const, value: await caller[router]![procedure]!(inputs[path]!(a)) };
  } catch (error) {
    return { ok: false as const, code: (error as { code?: string }).code };
  }
}

beforeAll(async () => {
  const admin = await platformAdmin();
  const companyA = await makeCompany(admin, 'Company A');
  const companyB = await makeCompany(admin, 'Company B');
  const adminA = await makeUser('COMPANY_ADMIN', companyA.id);
  const staffA = await makeUser('COMPANY_STAFF', companyA.id);
  auditorA = await makeUser('AUDITOR', companyA.id);
  const merchant = await createMerchant({ actor: adminA, input: { name: 'A 小区', description: null } });
  const channel = await activateChannel({ actor: adminA, input: { merchantId: merchant.id, channel: 'ALIPAY', mode: 'LIVE', invokeMethods: ['PC'], credentials: liveAlipayCredentials() } });
  const app = await registerApp({ actor: admin, input: { name: 'Fee app', description: null, defaultNotifyUrl: null, ipAllowlist: [] } });
  await grantMerchant({ actor: adminA, input: { appId: app.app.id, merchantId: merchant.id } });
  const secret = await db().appSecret.findFirstOrThrow({ where: { appId: app.app.id } });
  const paid = await insertPayment({ companyId: companyA.id, merchantId: merchant.id, paymentChannelId: channel.paymentId, appId: app.app.id }, { status: 'SUCCEEDED' });
  // Its webhook, to an address where nothing listens: a resend by an intruder would add an attempt.
  const notified = await db().payment.update({ where: { serialNo: paid.payment.serialNo }, data: { notifyUrl: 'http://127.0.0.1:9/webhook' } });
  const { eventId } = await db().$transaction((tx) =>
    writeOutboxEvent(tx, { type: 'payment.succeeded', appId: app.app.id, companyId: companyA.id, livemode: true, serialNo: notified.serialNo, notifyUrl: notified.notifyUrl, data: { payment: toPaymentObject(notified, paid.order) } }),
  );
  await releaseFirstAttempt(eventId);
  const robot = await addRobot({ actor: adminA, input: { name: 'A 值班群', webhookUrl: ROBOT_URL, secret: ROBOT_SECRET } });
  await raiseAlert(db(), { kind: 'DUPLICATE_PAYMENT', companyId: companyA.id, serialNo: notified.serialNo, message: 'Paid twice' });
  const alert = await db().alert.findFirstOrThrow({ where: { companyId: companyA.id } });
  // A split receiver of company A's channel, recorded as registering would (no channel is called here).
  const receiver = await db().splitReceiver.create({
    data: { id: newId('rcv'), companyId: companyA.id, paymentChannelId: channel.paymentId, channel: 'ALIPAY', accountType: 'MERCHANT_ID', account: '2088000000000001', relationType: 'SUPPLIER', boundAt: new Date() },
  });
  // A split of A's payment to that receiver, still with the channel.
  const split = await db().split.create({
    data: {
      splitSerialNo: newSerialNo('S'),
      splitNo: 'A-SPLIT-1',
      serialNo: paid.payment.serialNo,
      appId: app.app.id,
      merchantId: merchant.id,
      companyId: companyA.id,
      amount: 10,
      finish: false,
      lines: { create: [{ position: 0, receiverId: receiver.id, amount: 10, description: '服务费' }] },
    },
  });
  // A reconciled day of A's channel with one open discrepancy on its payment.
  const run = await db().reconciliationRun.create({
    data: { id: 'rec_companyA', paymentChannelId: channel.paymentId, companyId: companyA.id, channel: 'ALIPAY', runDate: new Date(`${RECONCILED_DAY}T00:00:00Z`), status: 'DISCREPANCIES', reconciledAt: new Date() },
  });
  const line = await db().reconciliationDiscrepancy.create({
    data: { id: 'rcd_companyA', runId: run.id, kind: 'AMOUNT_MISMATCH', serialNo: paid.payment.serialNo, ourAmount: 100, channelAmount: 90, detail: 'seeded' },
  });
  // A's day of payments in the overview's rollups, by A's app: its id would show in a by-app split.
  await db().dailyRollup.create({
    data: { companyId: companyA.id, merchantId: merchant.id, appId: app.app.id, channel: 'ALIPAY', invokeMethod: 'PC', livemode: true, day: new Date(`${RECONCILED_DAY}T00:00:00Z`), orders: 1, succeededCount: 1, succeededAmount: 100n },
  });
  a = {
    receiverId: receiver.id,
    splitSerialNo: split.splitSerialNo,
    discrepancyId: line.id,
    robotId: robot.id,
    alertId: alert.id,
    companyId: companyA.id,
    adminUserId: adminA.userId,
    staffUserId: staffA.userId,
    merchantId: merchant.id,
    paymentId: channel.paymentId,
    certificateId: channel.trusted[0]!.id,
    appId: app.app.id,
    secretId: secret.id,
    serialNo: paid.payment.serialNo,
    eventId,
  };
  companyBUsers = await Promise.all((['COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR'] as const).map((role) => makeUser(role, companyB.id)));
});

const procedures = Object.keys(appRouter._def.procedures).sort();
const mutations = procedures.filter((p) => (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[p]!._def.type === 'mutation');

describe('tenant isolation', () => {
  it('covers every procedure of the router', () => {
    expect(procedures).toEqual(Object.keys(inputs).sort());
    expect(mutations.length).toBeGreaterThan(15);
  });

  it.each(procedures)('%s: company B users neither see nor change company A', async (path) => {
    for (const user of companyBUsers) {
      const before = await snapshotA();
      const result = await call(user, path);
      if (result.ok) {
        const shown = JSON.stringify(result.value ?? null);
        for (const id of secretsOfA()) expect(shown, `${path} as ${user.role} revealed ${id}`).not.toContain(id);
      } else {
        expect(['FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST'], `${path} as ${user.role}`).toContain(result.code);
      }
      expect(await snapshotA(), `${path} as ${user.role} changed company A`).toBe(before);
    }
  });

  it.each(mutations)('%s: an auditor of company A can change nothing', async (path) => {
    const before = await snapshotA();
    const result = await call(auditorA, path);
    expect(result.ok, path).toBe(false);
    expect(result.ok ? null : result.code).toBe('FORBIDDEN');
    expect(await snapshotA()).toBe(before);
  });
});
