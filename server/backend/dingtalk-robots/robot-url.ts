import { env } from '@/server/config/env';

const DINGTALK_SEND = 'https://oapi.dingtalk.com/robot/send';
const SIMULATOR_SEND_PATH = '/sandbox/dingtalk/robot/send';

/**
 * Why a company's robot URL is refused, or null. Only DingTalk's own send endpoint with an access
 * token (companies cannot point the center at other hosts), or the simulator's on a sandbox server.
 */
export function robotUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (!parsed.searchParams.get('access_token')) return 'the URL must carry access_token';
  const endpoint = `${parsed.origin}${parsed.pathname}`;
  if (endpoint === DINGTALK_SEND) return null;
  if (env().PAYCENTER_SANDBOX && endpoint === `${new URL(env().PAYCENTER_BASE_URL).origin}${SIMULATOR_SEND_PATH}`) return null;
  return `expected ${DINGTALK_SEND}?access_token=…`;
}

/** The URL as views show it: the access token is a credential too, so only its first characters. */
export function maskedRobotUrl(url: string): string {
  const parsed = new URL(url);
  const token = parsed.searchParams.get('access_token') ?? '';
  return `${parsed.origin}${parsed.pathname}?access_token=${token.slice(0, 6)}…`;
}
