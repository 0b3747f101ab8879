import { env } from '@/server/config/env';
import { db } from '@/server/db/client';
import { randomBase62 } from '@/server/lib/ids';

/** The simulator's robot send URL for an access token, as a company pastes it into the dashboard. */
export function sandboxRobotUrl(accessToken: string): string {
  return `${env().PAYCENTER_BASE_URL.replace(/\/+$/, '')}/sandbox/dingtalk/robot/send?access_token=${accessToken}`;
}

/** A new simulated robot, as DingTalk shows one after "add robot" with 加签: its webhook URL and SEC… secret. */
export async function createSandboxDingtalkRobot(): Promise<{ accessToken: string; secret: string; webhookUrl: string }> {
  const accessToken = randomBase62(64).toLowerCase();
  const secret = `SEC${randomBase62(64)}`;
  await db().sandboxDingtalkRobot.create({ data: { accessToken, secret } });
  return { accessToken, secret, webhookUrl: sandboxRobotUrl(accessToken) };
}

/** Messages the simulator accepted, newest first, for the demo page and tests. */
export async function listReceivedDingtalkMessages(options: { accessToken?: string; take?: number } = {}) {
  return db().sandboxDingtalkMessage.findMany({
    where: options.accessToken ? { accessToken: options.accessToken } : {},
    orderBy: { receivedAt: 'desc' },
    take: options.take ?? 100,
  });
}

/** The simulator's robots with their URLs and secrets, as DingTalk's robot settings show them. */
export async function listSandboxDingtalkRobots() {
  const robots = await db().sandboxDingtalkRobot.findMany({ orderBy: { createdAt: 'desc' }, take: 50 });
  return robots.map((robot) => ({ ...robot, webhookUrl: sandboxRobotUrl(robot.accessToken) }));
}
