// WeChat's web authorization (网页授权, scope snsapi_base) with the official account bound to a WeChat
// Pay channel: how the checkout learns the payer's openid, which JSAPI inside WeChat needs. It is not
// part of Pay API v3 (nor of wechatpay-node-v3): api.weixin.qq.com answers plain JSON, authenticated
// by the AppSecret in the query.
import { env } from '@/server/config/env';
import { ChannelError } from '@/server/gateway/channel-error';
import type { ChannelCredentials } from '@/server/gateway/credentials/types';
import { wechatWebAuthEndpoints } from '@/server/gateway/endpoints';
import type { ChannelAccount } from '@/server/gateway/types';
import { sendGuardedRequest } from '@/server/security/guarded-request';

const TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 16 * 1024;

export interface OfficialAccount {
  appId: string;
  appSecret: string;
}

/** The official account of a WeChat Pay channel's credentials (its AppID with the AppSecret), or null when no AppSecret is stored. */
export function officialAccountOf(credentials: ChannelCredentials): OfficialAccount | null {
  if (credentials.channel !== 'WECHATPAY' || !credentials.appSecret) return null;
  return { appId: credentials.appId, appSecret: credentials.appSecret };
}

function requireOfficialAccount(account: ChannelAccount): OfficialAccount {
  const official = officialAccountOf(account.credentials);
  if (!official) throw new ChannelError({ channelCode: 'NO_APP_SECRET', channelMessage: 'the WeChat Pay channel has no official account AppSecret', retryable: false });
  return official;
}

/**
 * Where the payer's WeChat asks for (silent, snsapi_base) authorization; WeChat then sends it to
 * `redirectUri?code=…&state=…`. WeChat requires the parameters in this order and the fragment.
 */
export function wechatAuthorizeUrl(account: ChannelAccount, options: { redirectUri: string; state: string }): string {
  const { appId } = requireOfficialAccount(account);
  const { authorize } = wechatWebAuthEndpoints(account.mode, env().PAYCENTER_BASE_URL);
  const query = [`appid=${appId}`, `redirect_uri=${encodeURIComponent(options.redirectUri)}`, 'response_type=code', 'scope=snsapi_base', `state=${encodeURIComponent(options.state)}`].join('&');
  return `${authorize}/connect/oauth2/authorize?${query}#wechat_redirect`;
}

function answerOf(body: Buffer): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Reported below with the rest of the unreadable answers.
  }
  throw new ChannelError({ channelCode: 'WECHAT_BAD_ANSWER', channelMessage: 'WeChat answered the code exchange with something other than a JSON object', retryable: true });
}

/**
 * The payer's openid for the code WeChat handed back (`/sns/oauth2/access_token`). The access token
 * that comes with it is for snsapi_userinfo calls, which the checkout never makes: it is dropped.
 */
export async function exchangeWechatCode(account: ChannelAccount, code: string): Promise<string> {
  const { appId, appSecret } = requireOfficialAccount(account);
  const { api } = wechatWebAuthEndpoints(account.mode, env().PAYCENTER_BASE_URL);
  const query = new URLSearchParams({ appid: appId, secret: appSecret, code, grant_type: 'authorization_code' });
  let answer;
  try {
    // Live, the host is WeChat's own; the simulator is this server.
    answer = await sendGuardedRequest({ url: `${api}/sns/oauth2/access_token?${query}`, method: 'GET', headers: { accept: 'application/json' }, timeoutMs: TIMEOUT_MS, maxBytes: MAX_ANSWER_BYTES, publicOnly: account.mode === 'LIVE' });
  } catch (error) {
    throw new ChannelError({ channelCode: 'UNREACHABLE', channelMessage: `WeChat could not be reached: ${(error as Error).message}`, retryable: true, cause: error });
  }
  const data = answerOf(answer.body);
  if (typeof data.errcode === 'number' && data.errcode !== 0) {
    // 40029 invalid code, 40163 code been used, 40125 invalid appsecret, 40013 invalid appid…: the payer starts again.
    throw new ChannelError({ channelCode: String(data.errcode), channelMessage: typeof data.errmsg === 'string' ? data.errmsg : 'WeChat refused the code', retryable: false });
  }
  if (typeof data.openid !== 'string' || data.openid === '') {
    throw new ChannelError({ channelCode: 'WECHAT_BAD_ANSWER', channelMessage: 'WeChat answered the code exchange without an openid', retryable: true });
  }
  return data.openid;
}
