import { db } from '@/server/db/client';

/** DingTalk accepts 20 messages a minute per custom robot and answers 130101 beyond. */
export const ROBOT_MESSAGES_PER_MINUTE = 20;
const MINUTE_MS = 60_000;

/** How many more messages the robot may take now, and when the oldest send of the last minute frees a place. */
export async function robotBudget(robotId: string | null, now: Date): Promise<{ remaining: number; freesAt: Date }> {
  const since = new Date(now.getTime() - MINUTE_MS);
  const sent = await db().dingtalkMessage.findMany({
    where: { robotId, status: 'SENT', sentAt: { gt: since, lte: now } },
    select: { sentAt: true },
    orderBy: { sentAt: 'asc' },
  });
  const oldest = sent[0]?.sentAt ?? now;
  return { remaining: Math.max(0, ROBOT_MESSAGES_PER_MINUTE - sent.length), freesAt: new Date(oldest.getTime() + MINUTE_MS) };
}
