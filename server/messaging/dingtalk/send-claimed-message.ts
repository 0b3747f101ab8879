import { db } from '@/server/db/client';
import { logger } from '@/server/logging/logger';
import { postRobotMessage, type RobotAnswer } from './post-robot-message';
import { robotTarget } from './robot-target';

/** DingTalk's "send too fast, exceed 20 times per minute". */
export const SEND_TOO_FAST = 130101;
/** Seconds to wait after each failed attempt; after the last the message is FAILED. */
export const RETRY_DELAYS_SECONDS = [30, 60, 300, 900, 1800, 3600, 7200] as const;

export type SendOutcome = 'SENT' | 'RETRY_SCHEDULED' | 'FAILED';

/** Records one attempt and moves the message on, releasing its lease. */
async function record(messageId: string, answer: RobotAnswer, now: Date): Promise<SendOutcome> {
  const { attempts } = await db().dingtalkMessage.update({
    where: { id: messageId },
    data: { attempts: { increment: 1 }, errcode: answer.errcode, errmsg: answer.errmsg.slice(0, 500), leaseUntil: null },
  });
  if (answer.errcode === 0) {
    await db().dingtalkMessage.update({ where: { id: messageId }, data: { status: 'SENT', sentAt: now } });
    return 'SENT';
  }
  // Too fast (another instance or sender shares the robot): a minute frees a place, whatever the attempt count.
  const delay = answer.errcode === SEND_TOO_FAST ? 60 : RETRY_DELAYS_SECONDS[attempts - 1];
  if (delay !== undefined) {
    await db().dingtalkMessage.update({ where: { id: messageId }, data: { nextAttemptAt: new Date(now.getTime() + delay * 1000) } });
    return 'RETRY_SCHEDULED';
  }
  await db().dingtalkMessage.update({ where: { id: messageId }, data: { status: 'FAILED' } });
  logger().error({ messageId, errcode: answer.errcode, errmsg: answer.errmsg, attempts }, 'DingTalk message failed after its last attempt');
  return 'FAILED';
}

/** One attempt of a message whose lease the caller holds: a robot that is gone or disabled fails it at once. */
export async function sendClaimedMessage(messageId: string, now: Date): Promise<SendOutcome> {
  const message = await db().dingtalkMessage.findUniqueOrThrow({ where: { id: messageId } });
  const target = await robotTarget(message.robotId);
  if ('unavailable' in target) {
    await db().dingtalkMessage.update({ where: { id: messageId }, data: { status: 'FAILED', errcode: null, errmsg: target.unavailable, leaseUntil: null } });
    logger().warn({ messageId, robotId: message.robotId, reason: target.unavailable }, 'DingTalk message not sent');
    return 'FAILED';
  }
  const answer = await postRobotMessage({ url: target.url, secret: target.secret, title: message.title, text: message.text });
  return record(messageId, answer, now);
}
