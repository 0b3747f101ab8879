import { signedRobotUrl } from './robot-signature';

const TIMEOUT_MS = 10_000;

/** DingTalk's answer: errcode 0 is success; null when there was no DingTalk answer (network, HTTP error). */
export interface RobotAnswer {
  errcode: number | null;
  errmsg: string;
}

/** One markdown message to a custom robot, signed (加签) with the real time, as DingTalk checks it against its clock. */
export async function postRobotMessage(options: { url: string; secret: string | undefined; title: string; text: string }): Promise<RobotAnswer> {
  const body = JSON.stringify({ msgtype: 'markdown', markdown: { title: options.title, text: options.text } });
  try {
    const response = await fetch(signedRobotUrl(options.url, options.secret, new Date()), {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const raw = await response.text();
    if (!response.ok) return { errcode: null, errmsg: `HTTP ${response.status}: ${raw.slice(0, 200)}` };
    const answer = JSON.parse(raw) as Partial<RobotAnswer>;
    return typeof answer.errcode === 'number' ? { errcode: answer.errcode, errmsg: String(answer.errmsg ?? '') } : { errcode: null, errmsg: `unexpected answer: ${raw.slice(0, 200)}` };
  } catch (error) {
    return { errcode: null, errmsg: (error instanceof Error ? error.message : String(error)).slice(0, 500) };
  }
}
