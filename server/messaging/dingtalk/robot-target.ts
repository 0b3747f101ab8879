import { env } from '@/server/config/env';
import { db } from '@/server/db/client';
import { openRobotSecret } from '@/server/security/robot-secret';

export type RobotTarget = { url: string; secret: string | undefined } | { unavailable: string };

/** Where a message for `robotId` goes now: the platform's robot (null) from the configuration, a company's robot from its row. */
export async function robotTarget(robotId: string | null): Promise<RobotTarget> {
  if (robotId === null) {
    const { PAYCENTER_DINGTALK_WEBHOOK: url, PAYCENTER_DINGTALK_SECRET: secret } = env();
    return url ? { url, secret } : { unavailable: 'the platform robot is no longer configured (PAYCENTER_DINGTALK_WEBHOOK)' };
  }
  const robot = await db().dingtalkRobot.findUnique({ where: { id: robotId } });
  if (!robot) return { unavailable: 'the robot was removed' };
  if (!robot.enabled) return { unavailable: 'the robot is disabled' };
  return { url: robot.webhookUrl, secret: openRobotSecret(robot) };
}
