// The simulated WeChat web authorization of official accounts (网页授权, snsapi_base), standing in for
// open.weixin.qq.com/connect/oauth2/authorize (the payer's WeChat, which asks nothing for snsapi_base
// and comes back at once with a code) and api.weixin.qq.com/sns/oauth2/access_token (the code, good
// once and for 5 minutes, for the payer's openid under that AppID, checked with the AppSecret).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { db } from '@/server/db/client';
import { sandboxAppSecretAad } from '@/server/sandbox/register-sandbox-account';
import { issueAuthCode, ownRedirect, redeemAuthCode } from '@/server/sandbox/web-authorization-codes';
import { open } from '@/server/security/secret-box';

/** The simulated payer's openid under an AppID: always the same, as a WeChat user's is (28 characters starting with "o"). */
export function sandboxWechatOpenId(appId: string): string {
  return `o${createHash('sha256').update(`sandbox-payer:${appId}`).digest('base64url').slice(0, 27)}`;
}

async function officialAccount(appId: string) {
  return appId ? db().sandboxAccount.findFirst({ where: { channel: 'WECHATPAY', appId } }) : null;
}

function refusal(message: string): Response {
  // WeChat shows an error page in the payer's WeChat; the simulator says what was wrong.
  return new Response(message, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** GET /connect/oauth2/authorize: the payer's WeChat authorizes silently and goes to redirect_uri with a code. */
export async function authorizeWechatWebUser(request: Request, now = new Date()): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const appId = query.get('appid') ?? '';
  const account = await officialAccount(appId);
  if (!account?.appSecretSealed) return refusal('appid 错误：沙箱中没有这个公众号（或它没有 AppSecret）');
  if (query.get('response_type') !== 'code') return refusal('response_type 必须是 code');
  if (query.get('scope') !== 'snsapi_base') return refusal('scope 参数错误：沙箱只模拟 snsapi_base');
  const redirect = ownRedirect(query.get('redirect_uri'));
  if (!redirect) return refusal('redirect_uri 域名与后台配置不一致（错误码 10003）');

  const code = await issueAuthCode({ channel: 'WECHATPAY', appId, payerId: sandboxWechatOpenId(appId), now });
  redirect.searchParams.set('code', code);
  redirect.searchParams.set('state', query.get('state') ?? '');
  return new Response(null, { status: 302, headers: { location: redirect.toString(), 'cache-control': 'no-store' } });
}

const error = (errcode: number, errmsg: string) => Response.json({ errcode, errmsg });

function sameSecret(given: string, stored: string): boolean {
  const [a, b] = [createHash('sha256').update(given).digest(), createHash('sha256').update(stored).digest()];
  return timingSafeEqual(a, b);
}

/** GET /sns/oauth2/access_token: answers as WeChat does, HTTP 200 with errcode on every refusal. */
export async function exchangeWechatWebCode(request: Request, now = new Date()): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const appId = query.get('appid') ?? '';
  const account = await officialAccount(appId);
  if (!account?.appSecretSealed) return error(40013, 'invalid appid');
  if (!sameSecret(query.get('secret') ?? '', open(account.appSecretSealed, sandboxAppSecretAad(account.paymentChannelId)))) return error(40125, 'invalid appsecret');
  if (query.get('grant_type') !== 'authorization_code') return error(40002, 'invalid grant_type');
  const redeemed = await redeemAuthCode({ channel: 'WECHATPAY', appId, code: query.get('code') ?? '', now });
  if (redeemed === 'INVALID') return error(40029, 'invalid code');
  if (redeemed === 'USED') return error(40163, 'code been used');
  return Response.json({
    access_token: randomBytes(32).toString('base64url'),
    expires_in: 7200,
    refresh_token: randomBytes(32).toString('base64url'),
    openid: redeemed.payerId,
    scope: 'snsapi_base',
  });
}
