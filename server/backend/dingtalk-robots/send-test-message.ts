import { z } from 'zod';
import { env } from '@/server/config/env';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { newId } from '@/server/lib/ids';
import { deliverDingtalkMessage } from '@/server/messaging/dingtalk/deliver-due-dingtalk-messages';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { findRobot } from './find-robot';

export const sendTestMessageInput = z.object({ robotId: z.string().max(64) });

/**
 * Sends a test message to a robot through the outbox (so it counts towards the robot's rate limit
 * and is recorded like any other) and returns DingTalk's answer.
 */
export async function sendTestMessage(options: { actor: Actor; input: z.infer<typeof sendTestMessageInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'dingtalk.manage');
  const now = new Date();
  const messageId = newId('dtm');
  await db().$transaction(async (tx) => {
    const robot = await findRobot(tx, options.actor, options.input.robotId);
    if (!robot.enabled) throw new AppError('CONFLICT', 'The robot is disabled; enable it to send a test message.');
    await tx.dingtalkMessage.create({
      data: {
        id: messageId,
        robotId: robot.id,
        companyId: robot.companyId,
        title: 'PayCenter 测试消息',
        text: `### PayCenter 测试消息\n\n机器人「${robot.name}」已连接，PayCenter 的告警将发送到这里。\n\n[打开控制台](${env().PAYCENTER_BASE_URL})`,
        nextAttemptAt: now,
        createdAt: now,
      },
    });
    await recordAudit(tx, { actor: options.actor, action: 'dingtalk_robot.test', target: { type: 'DingtalkRobot', id: robot.id, companyId: robot.companyId }, request: options.request });
  });
  await deliverDingtalkMessage({ messageId, now });
  const message = await db().dingtalkMessage.findUniqueOrThrow({ where: { id: messageId }, select: { status: true, errcode: true, errmsg: true, nextAttemptAt: true } });
  return message;
}
