import { z } from 'zod';
import { db } from '@/server/db/client';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { findRobot } from './find-robot';
import { robotView } from './robot-view';

export const removeRobotInput = z.object({ robotId: z.string().max(64) });

/** Removes a robot; its sent messages stay in the outbox as the record of what it received. */
export async function removeRobot(options: { actor: Actor; input: z.infer<typeof removeRobotInput>; request?: RequestMeta }): Promise<void> {
  assertCan(options.actor, 'dingtalk.manage');
  await db().$transaction(async (tx) => {
    const robot = await findRobot(tx, options.actor, options.input.robotId);
    await tx.dingtalkRobot.delete({ where: { id: robot.id } });
    const view = robotView(robot);
    await recordAudit(tx, {
      actor: options.actor,
      action: 'dingtalk_robot.remove',
      target: { type: 'DingtalkRobot', id: robot.id, companyId: robot.companyId },
      summary: { before: { name: view.name, webhookUrl: view.webhookUrl, enabled: view.enabled } },
      request: options.request,
    });
  });
}
