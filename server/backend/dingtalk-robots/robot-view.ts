import type { DingtalkRobot } from '@/server/db/generated/client';
import { maskedRobotUrl } from './robot-url';

/** A robot as the dashboard sees it: never the secret, the URL masked. */
export function robotView(robot: DingtalkRobot & { company?: { name: string } }) {
  return {
    id: robot.id,
    companyId: robot.companyId,
    companyName: robot.company?.name ?? null,
    name: robot.name,
    webhookUrl: maskedRobotUrl(robot.webhookUrl),
    secretHint: `…${robot.secretHint}`,
    enabled: robot.enabled,
    createdAt: robot.createdAt,
  };
}

export type RobotView = ReturnType<typeof robotView>;
