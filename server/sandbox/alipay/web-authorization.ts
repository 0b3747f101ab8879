// The simulated Alipay web authorization (网页授权, scope auth_base): openauth.alipay.com's
// publicAppAuthorize.htm sends the payer's Alipay back to redirect_uri with an auth_code at once, and
// alipay.system.oauth.token (a gateway method, signed like the others) exchanges it once for the
// simulated buyer's user_id under that app.
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/server/db/client';
import { toBeijingTime } from '@/server/gateway/beijing-time';
import { issueAuthCode, ownRedirect, redeemAuthCode } from '@/server/sandbox/web-authorization-codes';
import { AlipayGatewayError } from './gateway-error';
import type { AlipayPayload } from './gateway-response';
import type { GatewayRequest } from './verify-gateway-request';

/** The simulated buyer's user_id under an app: always the same, as an Alipay user's is (2088 and 12 digits). */
export function sandboxAlipayBuyerId(appId: string): string {
  const hash = createHash('sha256').update(`sandbox-buyer:${appId}`).digest();
  return `2088${String(hash.readBigUInt64BE(0) % 10n ** 12n).padStart(12, '0')}`;
}

const refusal = (message: string) => new Response(message, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** GET /oauth2/publicAppAuthorize.htm?app_id=&scope=auth_base&redirect_uri=&state= */
export async function authorizeAlipayWebUser(request: Request, now = new Date()): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const appId = query.get('app_id') ?? '';
  const account = appId ? await db().sandboxAccount.findUnique({ where: { channel_accountId: { channel: 'ALIPAY', accountId: appId } } }) : null;
  if (!account) return refusal('app_id 无效：沙箱中没有这个应用');
  if (query.get('scope') !== 'auth_base') return refusal('scope 无效：沙箱只模拟 auth_base');
  const redirect = ownRedirect(query.get('redirect_uri'));
  if (!redirect) return refusal('redirect_uri 与应用配置的授权回调地址不一致');
  const authCode = await issueAuthCode({ channel: 'ALIPAY', appId, payerId: sandboxAlipayBuyerId(appId), now });
  for (const [name, value] of [['app_id', appId], ['source', 'alipay_wallet'], ['scope', 'auth_base'], ['auth_code', authCode], ['state', query.get('state') ?? '']]) {
    redirect.searchParams.set(name!, value!);
  }
  return new Response(null, { status: 302, headers: { location: redirect.toString(), 'cache-control': 'no-store' } });
}

/** alipay.system.oauth.token: grant_type=authorization_code with the auth_code, as public parameters. */
export async function systemOauthToken(request: GatewayRequest, now: Date): Promise<AlipayPayload> {
  if (request.params.grant_type !== 'authorization_code') throw new AlipayGatewayError('40002', 'isv.grant-type-invalid', 'grant_type 无效（沙箱只模拟 authorization_code）');
  const redeemed = await redeemAuthCode({ channel: 'ALIPAY', appId: request.appId, code: request.params.code ?? '', now });
  if (redeemed === 'INVALID') throw new AlipayGatewayError('40002', 'isv.code-invalid', '授权码code无效');
  if (redeemed === 'USED') throw new AlipayGatewayError('40002', 'isv.code-invalid', '授权码code已使用');
  return {
    user_id: redeemed.payerId,
    access_token: `authbseB${randomBytes(16).toString('hex')}`,
    expires_in: '1296000',
    refresh_token: `authbseB${randomBytes(16).toString('hex')}`,
    re_expires_in: '2592000',
    auth_start: toBeijingTime(now),
  };
}
