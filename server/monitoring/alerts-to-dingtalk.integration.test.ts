// Alert rules end to end: a fact (a forged callback, an exhausted webhook) or a monitoring evaluation
// (an expiring certificate, a failing channel) becomes one alert and one DingTalk message in the
// simulator, however often it happens; the platform admins' rule settings change what is raised.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as alipayGateway } from '@/app/sandbox/alipay/gateway.do/route';
import { POST as dingtalkSend } from '@/app/sandbox/dingtalk/robot/send/route';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { addRobot } from '@/server/backend/dingtalk-robots/add-robot';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { receiveNotification } from '@/server/core/notifications/receive-notification';
import { db } from '@/server/db/client';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { flushChannelCalls } from '@/server/observability/channel-call-minutes';
import { pluginFor } from '@/server/gateway/registry';
import { deliverDueDingtalkMessages } from '@/server/messaging/dingtalk/deliver-due-dingtalk-messages';
import { GROUP_WAIT_MS } from '@/server/messaging/dingtalk/route-alerts';
import { deliverWebhook } from '@/server/messaging/deliver-webhook';
import { committedEvent, webhookShop } from '@/server/messaging/testing/webhook-fixtures';
import { createSandboxDingtalkRobot, listReceivedDingtalkMessages } from '@/server/sandbox/dingtalk';
import { sandboxPlatformCertificate } from '@/server/sandbox/wechatpay';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { serveWebHandler, type RunningServer } from '@/server/testing/node-http-bridge';
import { alipayTenant } from '@/server/testing/paid-payment';
import type { PaymentsTenant } from '@/server/testing/payments-api';
import { webhookReceiver } from '@/server/testing/webhook-receiver';
import { evaluateRule } from './run-monitoring';
import { updateAlertRule } from './update-alert-rule';

// The platform's robot, configured before the first env() read.
const PLATFORM = { accessToken: 'platformrobotmonitoring', secret: 'SECplatformrobotmonitoring012345' };
process.env.PAYCENTER_DINGTALK_WEBHOOK = `${process.env.PAYCENTER_BASE_URL}/sandbox/dingtalk/robot/send?access_token=${PLATFORM.accessToken}`;
process.env.PAYCENTER_DINGTALK_SECRET = PLATFORM.secret;

let server: RunningServer;
/** DOWN: the simulated Alipay gateway answers 502, as an unreachable one would. */
let alipayDown = false;
let tenant: PaymentsTenant & { robotToken: string };
let other: { companyId: string; robotToken: string };

async function robotFor(companyId: string): Promise<string> {
  const admin = await makeUser('COMPANY_ADMIN', companyId);
  const robot = await createSandboxDingtalkRobot();
  await addRobot({ actor: admin, input: { name: '值班群', webhookUrl: robot.webhookUrl, secret: robot.secret } });
  return robot.accessToken;
}

const received = async (accessToken: string) => (await listReceivedDingtalkMessages({ accessToken })).map((m) => m.body as { markdown: { title: string; text: string } }).reverse();

let clock = Date.now();
/** A sweep time after everything before it, past the burst's gathering wait. */
const later = (ms = GROUP_WAIT_MS + 1_000) => new Date((clock += ms));

beforeAll(async () => {
  const port = Number(new URL(process.env.PAYCENTER_BASE_URL!).port);
  server = await serveWebHandler(
    async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/sandbox/dingtalk/robot/send') return dingtalkSend(request);
      if (path === '/sandbox/alipay/gateway.do') return alipayDown ? new Response('<html>502 Bad Gateway</html>', { status: 502 }) : alipayGateway(request);
      return new Response('Not Found', { status: 404 });
    },
    { port },
  );
  await db().sandboxDingtalkRobot.create({ data: PLATFORM });
  const paying = await alipayTenant();
  tenant = { ...paying, robotToken: await robotFor(paying.companyId) };
  const otherCompany = await makeCompany(await platformAdmin());
  other = { companyId: otherCompany.id, robotToken: await robotFor(otherCompany.id) };
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  await db().dingtalkMessage.deleteMany({});
  await db().sandboxDingtalkMessage.deleteMany({});
  clock += 3_600_000;
});

/** An Alipay notify to the tenant's payment ID that Alipay never signed. */
const forgedCallback = (serialNo: string) =>
  receiveNotification({
    channel: 'ALIPAY',
    paymentId: tenant.paymentId,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    query: '',
    body: new URLSearchParams({ app_id: tenant.alipayAppId, out_trade_no: serialNo, trade_status: 'TRADE_SUCCESS', total_amount: '0.01', sign_type: 'RSA2', sign: 'Zm9yZ2Vk' }).toString(),
  });

const count = (text: string) => text.match(/共 \*\*(\d+)\*\* 次/)?.[1];

describe('facts raised where they happen', () => {
  it('a burst of forged callbacks is one CALLBACK_REJECTED alert on the payment ID and one message saying how many', async () => {
    for (let i = 0; i < 7; i++) expect((await forgedCallback(`P20261207FORGED${i}`)).body).not.toBe('success');

    const alerts = await db().alert.findMany({ where: { kind: 'CALLBACK_REJECTED' } });
    expect(alerts).toEqual([expect.objectContaining({ subject: `callbacks:${tenant.paymentId}`, companyId: tenant.companyId, occurrences: 7, severity: 'WARNING', serialNo: null })]);
    const notifications = await db().channelNotification.findMany({ where: { paymentChannelId: tenant.paymentId, outcome: 'REJECTED' } });
    expect(notifications).toHaveLength(7);

    await deliverDueDingtalkMessages({ now: later() });
    const [own, theirs, platform] = [await received(tenant.robotToken), await received(other.robotToken), await received(PLATFORM.accessToken)];
    expect(own).toHaveLength(1);
    expect(own[0]!.markdown.title).toBe('【PayCenter 告警】渠道回调被拒绝');
    expect(count(own[0]!.markdown.text)).toBe('7');
    expect(theirs).toHaveLength(0);
    expect(platform).toHaveLength(1);
  });

  it('callbacks to payment IDs that do not exist are one platform alert per channel, not one per made-up ID', async () => {
    for (const paymentId of ['pch_madeup1', 'pch_madeup2', 'pch_madeup3']) {
      await receiveNotification({ channel: 'ALIPAY', paymentId, method: 'POST', headers: {}, query: '', body: 'sign=x' });
    }
    expect(await db().alert.findMany({ where: { kind: 'CALLBACK_REJECTED', subject: { startsWith: 'callbacks:ALIPAY' } } })).toEqual([
      expect.objectContaining({ subject: 'callbacks:ALIPAY:unknown-payment-id', companyId: null, occurrences: 3 }),
    ]);
  });

  it('an exhausted webhook is one message to its company', async () => {
    const shop = await webhookShop();
    const shopRobot = await robotFor(shop.companyId);
    const receiver = await webhookReceiver({ otherwise: { status: 500 } });
    try {
      const eventId = await committedEvent(shop, receiver.url);
      let now = new Date();
      for (let outcome = ''; outcome !== 'EXHAUSTED'; ) {
        outcome = await deliverWebhook({ deliveryId: eventId, now });
        now = (await db().webhookDelivery.findUniqueOrThrow({ where: { eventId } })).nextAttemptAt ?? now;
      }
    } finally {
      await receiver.close();
    }
    await deliverDueDingtalkMessages({ now: later() });
    const inbox = await received(shopRobot);
    expect(inbox.map((m) => m.markdown.title)).toEqual(['【PayCenter 告警】Webhook 重试已用尽']);
    expect(await received(tenant.robotToken)).toHaveLength(0);
  });
});

describe('rules the monitoring job evaluates', () => {
  /** Calls to the tenant's Alipay account through the gateway, as payments would make them. */
  async function channelCalls(n: number) {
    const account = await loadChannelAccount(tenant.paymentId);
    for (let i = 0; i < n; i++) await pluginFor('ALIPAY').queryPayment({ account, serialNo: `P20261207QUERY${i}` }).catch(() => undefined);
    // Their statistics reach the database within a second; now, for the rule to read them.
    await flushChannelCalls();
  }

  it('a failing channel: nothing under the minimum calls, one alert and one message once a lower threshold is set', async () => {
    const admin = await platformAdmin();
    alipayDown = true;
    try {
      await channelCalls(6);
    } finally {
      alipayDown = false;
    }
    const minutes = await db().channelCallMinute.findMany({ where: { paymentChannelId: tenant.paymentId, operation: 'queryPayment' } });
    expect(minutes.reduce((sum, row) => sum + row.failures, 0)).toBe(6);

    expect(await evaluateRule('CHANNEL_FAILING', { now: new Date(), jobs: [] })).toEqual({ raised: 0, resolved: 0 });
    await updateAlertRule({ actor: admin, input: { kind: 'CHANNEL_FAILING', enabled: true, severity: 'CRITICAL', params: { windowMinutes: 5, minCalls: 5, failureRatePercent: 20, p95LatencyMs: 5000 } } });
    expect(await evaluateRule('CHANNEL_FAILING', { now: new Date(), jobs: [] })).toEqual({ raised: 1, resolved: 0 });
    // Still failing a minute later: the open alert is not counted again.
    expect(await evaluateRule('CHANNEL_FAILING', { now: new Date(), jobs: [] })).toEqual({ raised: 0, resolved: 0 });
    const [alert] = await db().alert.findMany({ where: { kind: 'CHANNEL_FAILING' } });
    expect(alert).toMatchObject({ subject: `channel:${tenant.paymentId}`, companyId: tenant.companyId, severity: 'CRITICAL', occurrences: 1 });
    expect(alert!.message).toContain('6 of 6 calls failed');

    await deliverDueDingtalkMessages({ now: later() });
    expect((await received(tenant.robotToken)).map((m) => m.markdown.title)).toEqual(['【PayCenter 告警】支付渠道异常']);
    expect(await received(other.robotToken)).toHaveLength(0);

    // Healthy calls bring the failure rate under the threshold: resolved automatically.
    await channelCalls(30);
    expect(await evaluateRule('CHANNEL_FAILING', { now: new Date(), jobs: [] })).toEqual({ raised: 0, resolved: 1 });
  });

  it('an expiring certificate: one message per threshold crossed, however often the job runs', async () => {
    const admin = await platformAdmin();
    const companyAdmin = await makeUser('COMPANY_ADMIN', tenant.companyId);
    const merchant = await createMerchant({ actor: companyAdmin, input: { name: '证书小区', description: null } });
    const { paymentId } = await activateChannel({ actor: companyAdmin, input: { merchantId: merchant.id, channel: 'WECHATPAY', mode: 'SANDBOX', invokeMethods: ['QR'], wechatVerifyMode: 'PLATFORM_CERT' } });
    const { certificate, serial } = await sandboxPlatformCertificate();
    const validTo = Date.parse(certificate.validTo);
    const daysBefore = (days: number) => new Date(validTo - days * 24 * 3600_000);
    const certificateAlerts = () => db().alert.findMany({ where: { kind: 'CERTIFICATE_EXPIRING', subject: `certificate:${paymentId}:${serial}` } });

    expect(await evaluateRule('CERTIFICATE_EXPIRING', { now: daysBefore(40), jobs: [] })).toEqual({ raised: 0, resolved: 0 });
    await evaluateRule('CERTIFICATE_EXPIRING', { now: daysBefore(10), jobs: [] });
    await evaluateRule('CERTIFICATE_EXPIRING', { now: daysBefore(9), jobs: [] });
    expect(await certificateAlerts()).toEqual([expect.objectContaining({ companyId: tenant.companyId, occurrences: 1, details: expect.objectContaining({ stage: '30d' }) })]);
    expect((await certificateAlerts())[0]!.message).toContain(new Date(validTo).toISOString().slice(0, 10));
    await deliverDueDingtalkMessages({ now: later() });
    expect((await received(tenant.robotToken)).map((m) => m.markdown.title)).toEqual(['【PayCenter 告警】证书即将过期']);

    // Crossing 7 days is the next occurrence and the next message.
    await evaluateRule('CERTIFICATE_EXPIRING', { now: daysBefore(6), jobs: [] });
    await evaluateRule('CERTIFICATE_EXPIRING', { now: daysBefore(5), jobs: [] });
    expect(await certificateAlerts()).toEqual([expect.objectContaining({ occurrences: 2, details: expect.objectContaining({ stage: '7d' }) })]);
    await deliverDueDingtalkMessages({ now: later(11 * 60_000) });
    expect(await received(tenant.robotToken)).toHaveLength(2);

    // Thresholds are the admins' to set: with only [3] days, 5 days before is no longer a warning.
    await updateAlertRule({ actor: admin, input: { kind: 'CERTIFICATE_EXPIRING', enabled: true, severity: 'WARNING', params: { days: [3] } } });
    expect(await evaluateRule('CERTIFICATE_EXPIRING', { now: daysBefore(5), jobs: [] })).toMatchObject({ resolved: 1 });
    await updateAlertRule({ actor: admin, input: { kind: 'CERTIFICATE_EXPIRING', enabled: true, severity: 'WARNING', params: { days: [30, 7, 1] } } });
  });
});
