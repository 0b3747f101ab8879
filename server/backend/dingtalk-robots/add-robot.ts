import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { newId } from '@/server/lib/ids';
import { sealRobotSecret } from '@/server/security/robot-secret';
import { assertCan } from '@/server/backend/access/permissions';
import { targetCompany } from '@/server/backend/access/target-company';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { robotUrlProblem } from './robot-url';
import { robotView } from './robot-view';

export const addRobotInput = z.object({
  companyId: z.string().max(64).optional(),
  name: z.string().trim().min(1).max(64),
  webhookUrl: z.string().trim().max(1000),
  /** The 加签 secret DingTalk shows under the robot's security settings. */
  secret: z.string().trim().regex(/^SEC[0-9a-zA-Z]{20,200}$/, { error: 'expected the SEC… secret of the robot’s 加签 setting' }),
});

/** Adds a company's robot; its secret is sealed and never shown again. */
export async function addRobot(options: { actor: Actor; input: z.infer<typeof addRobotInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'dingtalk.manage');
  const { input } = options;
  const companyId = targetCompany(options.actor, input.companyId);
  const problem = robotUrlProblem(input.webhookUrl);
  if (problem) throw AppError.invalidFields({ webhookUrl: problem });
  const id = newId('dtr');
  return db().$transaction(async (tx) => {
    const robot = await tx.dingtalkRobot.create({ data: { id, companyId, name: input.name, webhookUrl: input.webhookUrl, ...sealRobotSecret(id, input.secret) } });
    const view = robotView(robot);
    await recordAudit(tx, {
      actor: options.actor,
      action: 'dingtalk_robot.add',
      target: { type: 'DingtalkRobot', id, companyId },
      summary: { after: { name: view.name, webhookUrl: view.webhookUrl, secretHint: view.secretHint } },
      request: options.request,
    });
    return view;
  });
}
