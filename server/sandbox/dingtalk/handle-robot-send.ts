import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';
import { newId } from '@/server/lib/ids';
import { signMatches } from './simulator-signature';

const HOUR_MS = 3_600_000;
const PER_MINUTE = 20;

// DingTalk's answers, as its robots give them today (HTTP 200 with an errcode in every case), as
// quoted in public reports: sign mismatch megaease/easeprobe#202 (2022), expired timestamp
// 0wQ/air780e-forwarder#51 (2024), rate limit ccfos/nightingale#369, unknown token and bad body
// the long-standing short forms.
const OK = { errcode: 0, errmsg: 'ok' };
const NO_TOKEN = { errcode: 300001, errmsg: 'token is not exist' };
const BAD_TIMESTAMP = { errcode: 310000, errmsg: 'description:机器人发送签名过期;solution:签名生成时间和发送时间请保持在 timestampms 以内;' };
const BAD_SIGN = {
  errcode: 310000,
  errmsg: 'description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中，请确认机器人的密钥加密和填写正确;link:请参考本接口对应文档获得具体要求，或者在https://open.dingtalk.com/document/  搜索相关文档;',
};
const TOO_FAST = { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' };
const BAD_BODY = { errcode: 40035, errmsg: '缺少参数 json' };

const answer = (body: { errcode: number; errmsg: string }) => Response.json(body);

function parseMessage(raw: string): Prisma.InputJsonObject | null {
  try {
    const body = JSON.parse(raw) as unknown;
    return body && typeof body === 'object' && typeof (body as { msgtype?: unknown }).msgtype === 'string' ? (body as Prisma.InputJsonObject) : null;
  } catch {
    return null;
  }
}

/**
 * POST /sandbox/dingtalk/robot/send?access_token=…&timestamp=…&sign=…: a custom robot with 加签,
 * checking as DingTalk does — the token, the timestamp within an hour of its clock, the sign, and
 * 20 messages a minute — and storing each accepted message.
 */
export async function handleRobotSend(request: Request): Promise<Response> {
  if (request.method !== 'POST') return new Response('Method Not Allowed', { status: 405 });
  const query = new URL(request.url).searchParams;
  const accessToken = query.get('access_token') ?? '';
  const timestamp = query.get('timestamp') ?? '';
  const sign = query.get('sign') ?? '';
  const robot = accessToken ? await db().sandboxDingtalkRobot.findUnique({ where: { accessToken } }) : null;
  if (!robot) return answer(NO_TOKEN);
  const now = Date.now();
  if (!/^\d{13}$/.test(timestamp) || Math.abs(now - Number(timestamp)) > HOUR_MS) return answer(BAD_TIMESTAMP);
  if (!signMatches(robot.secret, timestamp, sign)) return answer(BAD_SIGN);
  const body = parseMessage(await request.text());
  if (!body) return answer(BAD_BODY);
  return answer(
    await db().$transaction(async (tx) => {
      // The robot's row lock orders concurrent senders, so the count of the last minute is exact.
      await tx.$queryRaw`SELECT 1 FROM "SandboxDingtalkRobot" WHERE "accessToken" = ${accessToken} FOR UPDATE`;
      const lastMinute = await tx.sandboxDingtalkMessage.count({ where: { accessToken, receivedAt: { gt: new Date(now - 60_000) } } });
      if (lastMinute >= PER_MINUTE) return TOO_FAST;
      await tx.sandboxDingtalkMessage.create({ data: { id: newId('sdm'), accessToken, body, receivedAt: new Date(now) } });
      return OK;
    }),
  );
}
