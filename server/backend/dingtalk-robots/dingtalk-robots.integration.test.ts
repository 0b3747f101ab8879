// A company's robots: only DingTalk's (or the simulator's) URL, the secret sealed and never shown,
// another company's robots out of reach, every change audited.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { openRobotSecret } from '@/server/security/robot-secret';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { addRobot } from './add-robot';
import { listRobots } from './list-robots';
import { removeRobot } from './remove-robot';
import { setRobotEnabled } from './set-robot-enabled';

const SECRET = 'SEC0123456789abcdefghijklmnopqrstuvwxyzABCD';
const URL_A = 'https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789abcdef0123456789';
let adminA: Awaited<ReturnType<typeof makeUser>>;
let adminB: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  const platform = await platformAdmin();
  adminA = await makeUser('COMPANY_ADMIN', (await makeCompany(platform)).id);
  adminB = await makeUser('COMPANY_ADMIN', (await makeCompany(platform)).id);
});

const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (error instanceof AppError ? error.code : String(error)));

describe('company DingTalk robots', () => {
  it('accepts only DingTalk’s send URL or the simulator’s, and seals the secret', async () => {
    for (const webhookUrl of ['https://evil.example.com/robot/send?access_token=x', 'https://oapi.dingtalk.com/robot/send', 'http://oapi.dingtalk.com/robot/send?access_token=x', 'http://10.0.0.1/?access_token=x']) {
      expect(await code(addRobot({ actor: adminA, input: { name: 'x', webhookUrl, secret: SECRET } }))).toBe('INVALID_REQUEST');
    }
    const simulator = `${process.env.PAYCENTER_BASE_URL}/sandbox/dingtalk/robot/send?access_token=abc`;
    expect(await code(addRobot({ actor: adminA, input: { name: '沙箱', webhookUrl: simulator, secret: SECRET } }))).toBe('resolved');

    const view = await addRobot({ actor: adminA, input: { name: '值班群', webhookUrl: URL_A, secret: SECRET } });
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect(JSON.stringify(view)).not.toContain('abcdef0123456789abcdef');
    expect(view).toMatchObject({ webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef…', secretHint: '…ABCD', enabled: true });
    const row = await db().dingtalkRobot.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.secretSealed).not.toContain(SECRET);
    expect(openRobotSecret(row)).toBe(SECRET);

    const audit = await db().auditLog.findFirstOrThrow({ where: { action: 'dingtalk_robot.add', targetId: view.id } });
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });

  it('keeps another company’s robots out of reach and audits enable, disable and remove', async () => {
    const robot = await addRobot({ actor: adminA, input: { name: '财务群', webhookUrl: URL_A, secret: SECRET } });
    expect((await listRobots({ actor: adminB, input: {} })).map((r) => r.id)).not.toContain(robot.id);
    expect((await listRobots({ actor: adminB, input: { companyId: adminA.companyId! } })).map((r) => r.id)).not.toContain(robot.id);
    expect(await code(setRobotEnabled({ actor: adminB, input: { robotId: robot.id, enabled: false } }))).toBe('NOT_FOUND');
    expect(await code(removeRobot({ actor: adminB, input: { robotId: robot.id } }))).toBe('NOT_FOUND');

    expect(await setRobotEnabled({ actor: adminA, input: { robotId: robot.id, enabled: false } })).toMatchObject({ enabled: false });
    await removeRobot({ actor: adminA, input: { robotId: robot.id } });
    expect(await db().dingtalkRobot.findUnique({ where: { id: robot.id } })).toBeNull();
    const actions = await db().auditLog.findMany({ where: { targetId: robot.id }, orderBy: { createdAt: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual(['dingtalk_robot.add', 'dingtalk_robot.disable', 'dingtalk_robot.remove']);
  });

  it('lets staff and auditors change nothing', async () => {
    const staff = await makeUser('COMPANY_STAFF', adminA.companyId);
    expect(await code(addRobot({ actor: staff, input: { name: 'x', webhookUrl: URL_A, secret: SECRET } }))).toBe('FORBIDDEN');
    expect(await code(listRobots({ actor: staff, input: {} }))).toBe('FORBIDDEN');
  });
});
