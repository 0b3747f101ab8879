// Alerts to DingTalk robots end to end, against the simulator served where PAYCENTER_BASE_URL
// points: the simulator's checks, one message per burst, tenants' robots apart, the rate limit
// merging instead of dropping, retries, a test message, and sweeps racing for the same rows.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/sandbox/dingtalk/robot/send/route';
import { addRobot } from '@/server/backend/dingtalk-robots/add-robot';
import { sendTestMessage } from '@/server/backend/dingtalk-robots/send-test-message';
import { db } from '@/server/db/client';
import { raiseAlert } from '@/server/messaging/raise-alert';
import { createSandboxDingtalkRobot, listReceivedDingtalkMessages, sandboxRobotUrl } from '@/server/sandbox/dingtalk';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { serveWebHandler, type RunningServer } from '@/server/testing/node-http-bridge';
import { deliverDueDingtalkMessages } from './deliver-due-dingtalk-messages';
import { robotSignature } from './robot-signature';
import { GROUP_WAIT_MS, routeAlerts } from './route-alerts';

// The platform's robot, configured before the first env() read.
const PLATFORM = { accessToken: 'platformrobottoken', secret: 'SECplatformrobotsecret0123456789' };
process.env.PAYCENTER_DINGTALK_WEBHOOK = `${process.env.PAYCENTER_BASE_URL}/sandbox/dingtalk/robot/send?access_token=${PLATFORM.accessToken}`;
process.env.PAYCENTER_DINGTALK_SECRET = PLATFORM.secret;

let simulator: RunningServer;
type CompanyWithRobot = Awaited<ReturnType<typeof companyWithRobot>>;
const companies = {} as Record<'a' | 'b', CompanyWithRobot>;

async function companyWithRobot() {
  const company = await makeCompany(await platformAdmin());
  const admin = await makeUser('COMPANY_ADMIN', company.id);
  const robot = await createSandboxDingtalkRobot();
  const { id: robotId } = await addRobot({ actor: admin, input: { name: '值班群', webhookUrl: robot.webhookUrl, secret: robot.secret } });
  return { id: company.id, admin, robotId, robotToken: robot.accessToken };
}

const received = async (accessToken: string) =>
  (await listReceivedDingtalkMessages({ accessToken })).map((m) => m.body as { msgtype: string; markdown: { title: string; text: string } }).reverse();

/** Lets the simulator's minute pass for a token (it counts by its own clock). */
const ageSimulator = (accessToken: string) =>
  db().sandboxDingtalkMessage.updateMany({ where: { accessToken }, data: { receivedAt: new Date(Date.now() - 120_000) } });

let clock = Date.now();
/** A sweep time after everything before it, past the burst's gathering wait. */
const later = (ms = GROUP_WAIT_MS + 1_000) => new Date((clock += ms));

beforeAll(async () => {
  const port = Number(new URL(process.env.PAYCENTER_BASE_URL!).port);
  simulator = await serveWebHandler(async (request) => (new URL(request.url).pathname === '/sandbox/dingtalk/robot/send' ? POST(request) : new Response('Not Found', { status: 404 })), { port });
  await db().sandboxDingtalkRobot.create({ data: PLATFORM });
  companies.a = await companyWithRobot();
  companies.b = await companyWithRobot();
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(async () => {
  // Each test starts with an empty outbox and simulator inbox, and a clock past every earlier window.
  await db().dingtalkMessage.deleteMany({});
  await db().sandboxDingtalkMessage.deleteMany({});
  clock += 3_600_000;
});

describe('the DingTalk simulator', () => {
  const post = (query: string) => fetch(`${sandboxRobotUrl(PLATFORM.accessToken)}${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ msgtype: 'text', text: { content: 'hi' } }) }).then((r) => r.json());

  it('accepts the right sign and refuses a wrong one, a stale timestamp and an unknown token as DingTalk does', async () => {
    const timestamp = String(Date.now());
    const sign = encodeURIComponent(robotSignature(PLATFORM.secret, timestamp));
    expect(await post(`&timestamp=${timestamp}&sign=${sign}`)).toEqual({ errcode: 0, errmsg: 'ok' });

    const wrong = await post(`&timestamp=${timestamp}&sign=${encodeURIComponent(robotSignature('SECanotherrobotsecret000000', timestamp))}`);
    expect(wrong).toMatchObject({ errcode: 310000, errmsg: expect.stringContaining('机器人发送签名不匹配') });
    // Base64 left unencoded: its "+" and "/" do not survive the query string.
    const unencoded = robotSignature(PLATFORM.secret, timestamp);
    if (unencoded.includes('+')) expect(await post(`&timestamp=${timestamp}&sign=${unencoded}`)).toMatchObject({ errcode: 310000 });

    const stale = String(Date.now() - 3_601_000);
    expect(await post(`&timestamp=${stale}&sign=${encodeURIComponent(robotSignature(PLATFORM.secret, stale))}`)).toMatchObject({ errcode: 310000, errmsg: expect.stringContaining('签名过期') });
    const unknown = await fetch(`${sandboxRobotUrl('nosuchtoken')}&timestamp=${timestamp}&sign=${sign}`, { method: 'POST', body: '{"msgtype":"text"}' }).then((r) => r.json());
    expect(unknown).toMatchObject({ errcode: 300001 });

    expect(await received(PLATFORM.accessToken)).toHaveLength(1);
  });
});

describe('alerts to robots', () => {
  it('a burst of 37 alerts on one payment is one message saying 37, with no secret from the alerts', async () => {
    for (let i = 0; i < 37; i++) {
      await raiseAlert(db(), {
        kind: 'CALLBACK_REJECTED',
        companyId: companies.a.id,
        serialNo: 'pay_burst1',
        message: `Callback rejected: bad signature (token=LEAKTOKEN${i})`,
        details: { privateKey: 'LEAKPRIVATEKEY', apiV3Key: 'LEAKAPIV3', body: 'sign=LEAKSIGN' },
      });
    }
    expect(await deliverDueDingtalkMessages({ now: later() })).toMatchObject({ SENT: 2, FAILED: 0 });

    const [platform, own, other] = [await received(PLATFORM.accessToken), await received(companies.a.robotToken), await received(companies.b.robotToken)];
    expect(platform).toHaveLength(1);
    expect(own).toHaveLength(1);
    expect(other).toHaveLength(0);
    const { markdown } = own[0]!;
    expect(own[0]!.msgtype).toBe('markdown');
    expect(markdown.title).toBe('【PayCenter 告警】渠道回调被拒绝');
    expect(markdown.text).toContain('共 **37** 次');
    expect(markdown.text).toContain(`](${process.env.PAYCENTER_BASE_URL}/payments/pay_burst1)`);
    expect(JSON.stringify([platform, own])).not.toMatch(/LEAK/);

    // More of the same within ten minutes wait for the window's end, then go as one message.
    for (let i = 0; i < 5; i++) await raiseAlert(db(), { kind: 'CALLBACK_REJECTED', companyId: companies.a.id, serialNo: 'pay_burst1', message: 'Callback rejected: bad signature' });
    expect(await deliverDueDingtalkMessages({ now: later(2 * 60_000) })).toMatchObject({ SENT: 0 });
    expect(await deliverDueDingtalkMessages({ now: later(9 * 60_000) })).toMatchObject({ SENT: 2 });
    expect((await received(companies.a.robotToken)).map((m) => m.markdown.text.match(/共 \*\*(\d+)\*\* 次/)?.[1])).toEqual(['37', '5']);
  });

  it("a company's robot never receives another company's alert; the platform robot receives both", async () => {
    await raiseAlert(db(), { kind: 'REFUND_FAILED', companyId: companies.a.id, serialNo: 'pay_a1', message: 'Refund of company A failed' });
    await raiseAlert(db(), { kind: 'REFUND_FAILED', companyId: companies.b.id, serialNo: 'pay_b1', message: 'Refund of company B failed' });
    await raiseAlert(db(), { kind: 'CERTIFICATE_EXPIRING', companyId: null, message: 'A platform certificate expires in 7 days' });
    await deliverDueDingtalkMessages({ now: later() });

    const texts = async (token: string) => (await received(token)).map((m) => m.markdown.text).join('\n');
    expect(await texts(companies.a.robotToken)).toContain('pay\\_a1');
    expect(await texts(companies.a.robotToken)).not.toMatch(/pay\\_b1|certificate/);
    expect(await texts(companies.b.robotToken)).toContain('pay\\_b1');
    expect(await texts(companies.b.robotToken)).not.toMatch(/pay\\_a1|certificate/);
    expect(await received(PLATFORM.accessToken)).toHaveLength(3);
  });

  it('beyond 20 messages a minute a robot gets the rest merged, never dropped; 130101 is retried', async () => {
    for (let i = 0; i < 25; i++) await raiseAlert(db(), { kind: 'DUPLICATE_PAYMENT', companyId: companies.a.id, serialNo: `pay_rate${i}`, message: `Duplicate payment ${i}` });
    const first = later();
    await deliverDueDingtalkMessages({ now: first });
    const inbox = await received(companies.a.robotToken);
    expect(inbox).toHaveLength(20);
    expect(inbox[19]!.markdown.title).toBe('【PayCenter 告警】合并 6 条');
    const all = inbox.map((m) => m.markdown.text).join('\n');
    for (let i = 0; i < 25; i++) expect(all).toContain(`pay\\_rate${i}\n`);

    // The robot is full for this minute: new alerts are merged and queued, not sent, not lost.
    for (let i = 0; i < 3; i++) await raiseAlert(db(), { kind: 'DUPLICATE_PAYMENT', companyId: companies.a.id, serialNo: `pay_late${i}`, message: `Duplicate payment late ${i}` });
    expect(await deliverDueDingtalkMessages({ now: later() })).toMatchObject({ QUEUED: 2 });
    const queued = await db().dingtalkMessage.findMany({ where: { robotId: { not: null }, status: { in: ['PENDING', 'MERGED'] } } });
    expect(queued.filter((m) => m.status === 'PENDING')).toHaveLength(1);
    // Five merged in the first minute, two now.
    expect(queued.filter((m) => m.status === 'MERGED')).toHaveLength(7);

    // A minute later by our clock, but DingTalk (the simulator's own clock) still counts 20: 130101, retried later.
    const pending = queued.find((m) => m.status === 'PENDING')!;
    expect(pending.nextAttemptAt.getTime()).toBe(first.getTime() + 60_000);
    await deliverDueDingtalkMessages({ now: later(60_000) });
    expect(await db().dingtalkMessage.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: 'PENDING', errcode: 130101, attempts: 1 });

    await ageSimulator(companies.a.robotToken);
    expect(await deliverDueDingtalkMessages({ now: later(60_000) })).toMatchObject({ SENT: 1 });
    const last = (await received(companies.a.robotToken)).at(-1)!;
    expect(last.markdown.title).toBe('【PayCenter 告警】合并 3 条');
    for (let i = 0; i < 3; i++) expect(last.markdown.text).toContain(`pay\\_late${i}`);
  });

  it('a failed send is retried with backoff until it goes through, every attempt recorded', async () => {
    const company = await makeCompany(await platformAdmin());
    const admin = await makeUser('COMPANY_ADMIN', company.id);
    // A robot DingTalk does not know yet (token not created): 300001 until it exists.
    const token = 'robotcreatedlater';
    await addRobot({ actor: admin, input: { name: '稍后', webhookUrl: sandboxRobotUrl(token), secret: 'SECrobotcreatedlatersecret00000' } });
    await raiseAlert(db(), { kind: 'WEBHOOK_EXHAUSTED', companyId: company.id, serialNo: 'pay_retry1', message: 'Webhook exhausted' });

    expect(await deliverDueDingtalkMessages({ now: later() })).toMatchObject({ SENT: 1, RETRY_SCHEDULED: 1 });
    const [message] = await db().dingtalkMessage.findMany({ where: { companyId: company.id, robotId: { not: null } } });
    expect(message).toMatchObject({ status: 'PENDING', attempts: 1, errcode: 300001, errmsg: 'token is not exist' });
    expect(message!.nextAttemptAt.getTime() - clock).toBe(30_000);
    // Not due yet: nothing is sent again before its time.
    expect(await deliverDueDingtalkMessages({ now: later(10_000) })).toMatchObject({ SENT: 0, RETRY_SCHEDULED: 0 });

    await db().sandboxDingtalkRobot.create({ data: { accessToken: token, secret: 'SECrobotcreatedlatersecret00000' } });
    expect(await deliverDueDingtalkMessages({ now: later(20_000) })).toMatchObject({ SENT: 1 });
    expect(await db().dingtalkMessage.findUniqueOrThrow({ where: { id: message!.id } })).toMatchObject({ status: 'SENT', attempts: 2, errcode: 0, errmsg: 'ok' });
    expect(await received(token)).toHaveLength(1);
  });

  it("a robot's test message goes through the outbox and DingTalk's answer comes back", async () => {
    expect(await sendTestMessage({ actor: companies.b.admin, input: { robotId: companies.b.robotId } })).toMatchObject({ status: 'SENT', errcode: 0, errmsg: 'ok' });
    const [test] = await received(companies.b.robotToken);
    expect(test!.markdown.title).toBe('PayCenter 测试消息');
    expect(await db().auditLog.count({ where: { action: 'dingtalk_robot.test', targetId: companies.b.robotId } })).toBe(1);
  });

  it('three sweeps racing over the same rows never send a message twice', async () => {
    for (const company of [companies.a, companies.b]) {
      for (let i = 0; i < 9; i++) await raiseAlert(db(), { kind: 'AMOUNT_MISMATCH', companyId: company.id, serialNo: `pay_race_${company.id}_${i}`, message: `Race ${i}` });
    }
    const now = later();
    // Routed first, so all sweeps find the same 36 due rows and race for them.
    expect(await routeAlerts(now)).toEqual({ messages: 36 });
    const sweeps = await Promise.all([1, 2, 3].map(() => deliverDueDingtalkMessages({ now })));
    expect(sweeps.reduce((sum, counts) => sum + counts.SENT, 0)).toBe(36);

    const messages = await db().dingtalkMessage.findMany();
    expect(messages).toHaveLength(36);
    expect(messages.every((m) => m.status === 'SENT' && m.attempts === 1)).toBe(true);
    const inboxes = [await received(companies.a.robotToken), await received(companies.b.robotToken), await received(PLATFORM.accessToken)];
    expect(inboxes.map((inbox) => inbox.length)).toEqual([9, 9, 18]);
    for (const inbox of inboxes) expect(new Set(inbox.map((m) => m.markdown.text)).size).toBe(inbox.length);
  });
});
