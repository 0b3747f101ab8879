import type { Db } from '@/server/db/client';
import type { Alert } from '@/server/db/generated/client';

// A transport error or an echoed request may carry the robot URL's query: its token and 加签 never reach a browser.
const ROBOT_QUERY_SECRET = /\b(access_token|sign|timestamp)=[^&\s"']*/gi;

/**
 * The DingTalk messages that reported an alert: those of its kind and subject from when it was first
 * seen until the next alert about the same subject opened (a message names no alert, only its kind and
 * subject; occurrences raised before a resolution may still go out after it), with the robot's name
 * but never its URL or secret.
 */
export async function alertSends(client: Db, alert: Pick<Alert, 'kind' | 'subject' | 'companyId' | 'createdAt'>) {
  const next = await client.alert.findFirst({
    where: { kind: alert.kind, subject: alert.subject, createdAt: { gt: alert.createdAt } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  const messages = await client.dingtalkMessage.findMany({
    where: {
      alertKind: alert.kind,
      subject: alert.subject,
      companyId: alert.companyId,
      createdAt: { gte: alert.createdAt, ...(next ? { lt: next.createdAt } : {}) },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, robotId: true, status: true, alertCount: true, attempts: true, errcode: true, errmsg: true, sentAt: true, createdAt: true },
  });
  const robotIds = [...new Set(messages.flatMap((message) => (message.robotId ? [message.robotId] : [])))];
  const robots = robotIds.length > 0 ? await client.dingtalkRobot.findMany({ where: { id: { in: robotIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(robots.map((robot) => [robot.id, robot.name]));
  return messages.map(({ robotId, errmsg, ...message }) => ({
    ...message,
    // null: the platform's robot; a removed company robot keeps its id.
    robot: robotId === null ? null : { id: robotId, name: names.get(robotId) ?? null },
    errmsg: errmsg?.replace(ROBOT_QUERY_SECRET, '$1=…') ?? null,
  }));
}
