// Alipay's web authorization (网页授权, scope auth_base) for the app of an Alipay channel: how the
// checkout learns the buyer's id inside Alipay, for a JSAPI trade (alipay.trade.create with buyer_id,
// paid with AlipayJSBridge tradePay). The code is exchanged with alipay.system.oauth.token.
import { env } from '@/server/config/env';
import { ChannelError } from '@/server/gateway/channel-error';
import { alipayAuthorizeEndpoint } from '@/server/gateway/endpoints';
import type { ChannelAccount } from '@/server/gateway/types';
import { alipayClient, alipayCredentials, type AlipayResult } from './alipay-client';
import { alipayError, transportError } from './error-map';

/** Where the payer's Alipay authorizes silently (auth_base); Alipay then sends it to `redirectUri?auth_code=…&state=…`. */
export function alipayAuthorizeUrl(account: ChannelAccount, options: { redirectUri: string; state: string }): string {
  const { appId } = alipayCredentials(account);
  const query = new URLSearchParams({ app_id: appId, scope: 'auth_base', redirect_uri: options.redirectUri, state: options.state });
  return `${alipayAuthorizeEndpoint(account.mode, env().PAYCENTER_BASE_URL)}/oauth2/publicAppAuthorize.htm?${query}`;
}

/** The buyer's id for the auth_code Alipay handed back: user_id (2088…), or open_id for apps that get those. */
export async function exchangeAlipayCode(account: ChannelAccount, code: string): Promise<string> {
  let result: AlipayResult;
  try {
    // grant_type and code are public parameters of this method, not biz_content.
    result = (await alipayClient(account).exec('alipay.system.oauth.token', { grant_type: 'authorization_code', code }, { validateSign: true })) as AlipayResult;
  } catch (error) {
    if (error instanceof ChannelError) throw error;
    throw transportError(error);
  }
  // A success carries no code; a refusal does.
  if (result.code !== undefined && result.code !== '10000') throw alipayError(result, result);
  const buyer = result.user_id ?? result.open_id;
  if (typeof buyer !== 'string' || buyer === '') throw new ChannelError({ channelCode: 'ALIPAY_BAD_ANSWER', channelMessage: 'Alipay answered the code exchange without user_id or open_id', retryable: true, raw: result });
  return buyer;
}
