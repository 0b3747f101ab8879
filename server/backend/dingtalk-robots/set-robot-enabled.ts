import { z } from 'zod';
import { assertCan } from '@/server/backend/access/permissions';
import { auditedUpdate } from '@/server/backend/audit/audited-update';
import type { Actor, RequestMeta } from '@/server/backend/audit/record-audit';
import { findRobot } from './find-robot';
import { robotView } from './robot-view';

export const setRobotEnabledInput = z.object({ robotId: z.string().max(64), enabled: z.boolean() });

/** A disabled robot receives nothing new; messages already queued for it fail, recorded. */
export async function setRobotEnabled(options: { actor: Actor; input: z.infer<typeof setRobotEnabledInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'dingtalk.manage');
  const { robotId, enabled } = options.input;
  const robot = await auditedUpdate({
    actor: options.actor,
    request: options.request,
    find: (tx) => findRobot(tx, options.actor, robotId),
    data: { enabled },
    unchanged: (before) => before.enabled === enabled,
    write: (tx, before) => tx.dingtalkRobot.updateMany({ where: { id: robotId, enabled: before.enabled }, data: { enabled } }),
    action: enabled ? 'dingtalk_robot.enable' : 'dingtalk_robot.disable',
    target: (before) => ({ type: 'DingtalkRobot', id: robotId, companyId: before.companyId }),
  });
  return robotView(robot);
}
