// The monitoring job's rules against the database: who may change a rule and what a change does,
// jobs failing or not running, a day not reconciled by noon, an app endpoint failing for an hour.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/backend/audit/record-audit';
import { db } from '@/server/db/client';
import { addDays, beijingDay, beijingDayStart } from '@/server/gateway/beijing-time';
import type { Job } from '@/server/jobs/job';
import { runJob } from '@/server/jobs/run-job';
import { newId } from '@/server/lib/ids';
import { raiseAlert } from '@/server/messaging/raise-alert';
import { deliverWebhook } from '@/server/messaging/deliver-webhook';
import { committedEvent, webhookShop } from '@/server/messaging/testing/webhook-fixtures';
import { makeUser, platformAdmin } from '@/server/testing/fixtures';
import { webhookReceiver } from '@/server/testing/webhook-receiver';
import { listAlertRules } from './list-alert-rules';
import { evaluateRule } from './run-monitoring';
import { updateAlertRule } from './update-alert-rule';

let admin: Actor;
beforeAll(async () => {
  admin = await platformAdmin();
});

const openAlerts = (kind: 'JOB_FAILING' | 'RECONCILIATION_LATE' | 'WEBHOOK_ENDPOINT_FAILING' | 'DUPLICATE_PAYMENT') =>
  db().alert.findMany({ where: { kind, status: { not: 'RESOLVED' } }, orderBy: { subject: 'asc' } });

describe('rule settings', () => {
  it('only platform admins see and change rules; a change is validated and audited', async () => {
    const companyAdmin = await makeUser('COMPANY_ADMIN', null);
    await expect(listAlertRules({ actor: companyAdmin })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateAlertRule({ actor: companyAdmin, input: { kind: 'REFUND_STUCK', enabled: true, severity: 'WARNING', params: { hours: 2 } } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateAlertRule({ actor: admin, input: { kind: 'REFUND_STUCK', enabled: true, severity: 'WARNING', params: { hours: 0 } } })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      details: { fields: { 'params.hours': expect.any(String) } },
    });
    await expect(updateAlertRule({ actor: admin, input: { kind: 'CHANNEL_FAILING', enabled: true, severity: 'WARNING', params: { p95LatencyMs: 3000 } } })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });

    const rules = await listAlertRules({ actor: admin });
    expect(rules.map((rule) => rule.kind)).toContain('JOB_FAILING');
    expect(rules.find((rule) => rule.kind === 'REFUND_STUCK')).toMatchObject({ enabled: true, severity: 'WARNING', params: { hours: 24 }, customised: false, defaults: { params: { hours: 24 } } });

    const updated = await updateAlertRule({ actor: admin, input: { kind: 'REFUND_STUCK', enabled: true, severity: 'CRITICAL', params: { hours: 6 } }, request: { ip: '10.0.0.9' } });
    expect(updated).toMatchObject({ severity: 'CRITICAL', params: { hours: 6 }, customised: true });
    const [audit] = await db().auditLog.findMany({ where: { action: 'alert_rule.update', targetId: 'REFUND_STUCK' } });
    expect(audit).toMatchObject({ actorId: admin.userId, targetType: 'AlertRule', ip: '10.0.0.9', summary: { before: { severity: 'WARNING', params: { hours: 24 } }, after: { severity: 'CRITICAL', params: { hours: 6 } } } });
  });

  it('a disabled kind raises nothing; its severity is the rule’s', async () => {
    const fact = { kind: 'DUPLICATE_PAYMENT' as const, companyId: null, serialNo: 'P20261207RULES1', message: 'Paid twice' };
    await updateAlertRule({ actor: admin, input: { kind: 'DUPLICATE_PAYMENT', enabled: false, severity: 'WARNING', params: {} } });
    expect(await raiseAlert(db(), fact)).toBe(false);
    expect(await openAlerts('DUPLICATE_PAYMENT')).toEqual([]);

    await updateAlertRule({ actor: admin, input: { kind: 'DUPLICATE_PAYMENT', enabled: true, severity: 'CRITICAL', params: {} } });
    expect(await raiseAlert(db(), fact)).toBe(true);
    expect(await openAlerts('DUPLICATE_PAYMENT')).toEqual([expect.objectContaining({ severity: 'CRITICAL', subject: 'P20261207RULES1' })]);
  });
});

describe('CHANNEL_FAILING by latency', () => {
  it('raises when more than 5 % of the window\'s calls were slower than the p95 bound, summed over instances\' minutes', async () => {
    const shop = await webhookShop();
    const now = new Date();
    const minute = (ago: number) => new Date(Math.floor(now.getTime() / 60_000) * 60_000 - ago * 60_000);
    // Two instances' worth of minutes: 24 calls, 2 slower than 5 s (8 %), none slower than 10 s, none failed.
    await db().channelCallMinute.createMany({
      data: [
        { paymentChannelId: shop.paymentChannelId, operation: 'createPayment', minute: minute(1), calls: 12, latencySumMs: 30_000, latencyMaxMs: 7_000, over1000Ms: 4, over2000Ms: 3, over5000Ms: 1 },
        { paymentChannelId: shop.paymentChannelId, operation: 'queryPayment', minute: minute(2), calls: 12, latencySumMs: 20_000, latencyMaxMs: 6_000, over1000Ms: 2, over2000Ms: 1, over5000Ms: 1 },
        // Outside the 5-minute window: not counted.
        { paymentChannelId: shop.paymentChannelId, operation: 'queryPayment', minute: minute(6), calls: 50, failures: 50 },
      ],
    });
    const channelAlert = () => db().alert.findFirst({ where: { kind: 'CHANNEL_FAILING', subject: `channel:${shop.paymentChannelId}`, status: { not: 'RESOLVED' } } });

    await evaluateRule('CHANNEL_FAILING', { now, jobs: [] });
    expect((await channelAlert())?.message).toContain('2 of 24 calls took over 5000 ms (max 7000 ms)');
    expect((await channelAlert())?.message).not.toContain('failed');

    await updateAlertRule({ actor: admin, input: { kind: 'CHANNEL_FAILING', enabled: true, severity: 'CRITICAL', params: { windowMinutes: 5, minCalls: 10, failureRatePercent: 20, p95LatencyMs: 10000 } } });
    await evaluateRule('CHANNEL_FAILING', { now, jobs: [] });
    expect(await channelAlert()).toBeNull();
  });
});

describe('JOB_FAILING', () => {
  const flaky = (fail: boolean): Job => ({ id: 'test-flaky', description: 'fails on demand', trigger: { cron: '* * * * *' }, claim: 'rows', run: () => (fail ? Promise.reject(new Error('boom')) : Promise.resolve('ok')) });
  const jobs = [
    { id: 'test-flaky', periodSeconds: 60 },
    { id: 'test-never-scheduled', periodSeconds: 60 },
  ];

  it('raises for a job failing its last runs and one that is not running, and resolves the one that recovers', async () => {
    for (let i = 0; i < 2; i++) await expect(runJob({ job: flaky(true) })).rejects.toThrow('boom');
    await evaluateRule('JOB_FAILING', { now: new Date(), jobs });
    expect((await openAlerts('JOB_FAILING')).map((alert) => alert.subject)).toEqual(['job:test-never-scheduled']);

    await expect(runJob({ job: flaky(true) })).rejects.toThrow('boom');
    expect(await evaluateRule('JOB_FAILING', { now: new Date(), jobs })).toEqual({ raised: 1, resolved: 0 });
    const [failing] = await openAlerts('JOB_FAILING');
    expect(failing).toMatchObject({ subject: 'job:test-flaky', companyId: null, severity: 'CRITICAL', details: expect.objectContaining({ consecutiveFailures: 3 }) });
    expect(failing!.message).toContain('boom');

    await runJob({ job: flaky(false) });
    expect(await db().jobState.findUniqueOrThrow({ where: { id: 'test-flaky' } })).toMatchObject({ consecutiveFailures: 0, lastError: null });
    expect(await evaluateRule('JOB_FAILING', { now: new Date(), jobs })).toEqual({ raised: 0, resolved: 1 });
    expect((await openAlerts('JOB_FAILING')).map((alert) => alert.subject)).toEqual(['job:test-never-scheduled']);
  });
});

describe('RECONCILIATION_LATE', () => {
  it("watches the day before yesterday until noon (Beijing), then yesterday; a missing or FAILED run is late", async () => {
    const shop = await webhookShop();
    // Active for days: its past days are due.
    await db().paymentChannel.update({ where: { id: shop.paymentChannelId }, data: { createdAt: new Date(Date.now() - 5 * 86_400_000) } });
    const today = beijingDay(new Date());
    const at = (hour: number) => new Date(beijingDayStart(today).getTime() + hour * 3_600_000);
    const [yesterday, dayBefore] = [addDays(today, -1), addDays(today, -2)];
    const run = (day: string, status: 'MATCHED' | 'FAILED') =>
      db().reconciliationRun.upsert({
        where: { paymentChannelId_runDate: { paymentChannelId: shop.paymentChannelId, runDate: new Date(`${day}T00:00:00Z`) } },
        create: { id: newId('rec'), paymentChannelId: shop.paymentChannelId, companyId: shop.companyId, channel: 'ALIPAY', runDate: new Date(`${day}T00:00:00Z`), status, failureReason: status === 'FAILED' ? 'bill unreadable' : null, reconciledAt: new Date() },
        update: { status, failureReason: status === 'FAILED' ? 'bill unreadable' : null },
      });
    const late = async () => (await openAlerts('RECONCILIATION_LATE')).filter((alert) => alert.subject.startsWith(`reconciliation:${shop.paymentChannelId}:`)).map((alert) => alert.subject.split(':')[2]);

    await run(dayBefore, 'MATCHED');
    await evaluateRule('RECONCILIATION_LATE', { now: at(11), jobs: [] });
    expect(await late()).toEqual([]);

    await evaluateRule('RECONCILIATION_LATE', { now: at(12), jobs: [] });
    expect(await late()).toEqual([yesterday]);

    await run(yesterday, 'FAILED');
    await evaluateRule('RECONCILIATION_LATE', { now: at(13), jobs: [] });
    expect(await late()).toEqual([yesterday]);

    await run(yesterday, 'MATCHED');
    await evaluateRule('RECONCILIATION_LATE', { now: at(14), jobs: [] });
    expect(await late()).toEqual([]);
    expect(await db().alert.findFirstOrThrow({ where: { subject: `reconciliation:${shop.paymentChannelId}:${yesterday}` } })).toMatchObject({ status: 'RESOLVED', occurrences: 1 });
  });
});

describe('WEBHOOK_ENDPOINT_FAILING', () => {
  it("raises for an app endpoint that failed every attempt for the rule's hour, and resolves it once it answers", async () => {
    const shop = await webhookShop();
    const receiver = await webhookReceiver({ script: [{ status: 500 }, { status: 500 }, { status: 503 }], otherwise: { status: 204 } });
    try {
      const failing = await committedEvent(shop, receiver.url);
      for (let i = 0; i < 3; i++) await deliverWebhook({ deliveryId: failing, trigger: 'RESEND' });
      const endpointAlerts = async () => (await openAlerts('WEBHOOK_ENDPOINT_FAILING')).filter((alert) => alert.companyId === shop.companyId);

      // Failing for minutes only: not yet.
      await evaluateRule('WEBHOOK_ENDPOINT_FAILING', { now: new Date(), jobs: [] });
      expect(await endpointAlerts()).toEqual([]);

      // The same failures, seen an hour and a bit later while the app is still being tried.
      await db().webhookAttempt.updateMany({ where: { deliveryId: failing }, data: { startedAt: new Date(Date.now() - 61 * 60_000) } });
      await db().webhookAttempt.updateMany({ where: { deliveryId: failing, number: 3 }, data: { startedAt: new Date(Date.now() - 5 * 60_000) } });
      await evaluateRule('WEBHOOK_ENDPOINT_FAILING', { now: new Date(), jobs: [] });
      expect(await endpointAlerts()).toEqual([expect.objectContaining({ subject: `webhook-endpoint:${shop.appId}:${shop.companyId}:${receiver.url}`, occurrences: 1 })]);

      // It answers again: the condition has cleared.
      expect(await deliverWebhook({ deliveryId: failing, trigger: 'RESEND' })).toBe('DELIVERED');
      expect(await evaluateRule('WEBHOOK_ENDPOINT_FAILING', { now: new Date(), jobs: [] })).toMatchObject({ resolved: 1 });
    } finally {
      await receiver.close();
    }
  });
});
