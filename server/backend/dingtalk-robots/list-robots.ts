import { z } from 'zod';
import { db } from '@/server/db/client';
import { assertCan, companyFilter } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { robotView } from './robot-view';

export const listRobotsInput = z.object({ companyId: z.string().max(64).optional() });

/** The company's robots (a platform admin: every company's, or one company's). */
export async function listRobots(options: { actor: Actor; input: z.infer<typeof listRobotsInput> }) {
  assertCan(options.actor, 'dingtalk.read');
  const robots = await db().dingtalkRobot.findMany({
    where: { ...(options.input.companyId ? { companyId: options.input.companyId } : {}), ...companyFilter(options.actor) },
    include: { company: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return robots.map(robotView);
}
