import type { Tx } from '@/server/db/client';
import type { DingtalkRobot } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { assertInScope } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';

/** A robot within the actor's reach, for a change inside `tx`; another company's is NOT_FOUND. */
export async function findRobot(tx: Tx, actor: Actor, robotId: string): Promise<DingtalkRobot> {
  const robot = await tx.dingtalkRobot.findUnique({ where: { id: robotId } });
  if (!robot) throw new AppError('NOT_FOUND');
  assertInScope(actor, robot.companyId);
  return robot;
}
