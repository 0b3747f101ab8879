// The simulated api.weixin.qq.com/sns/oauth2/access_token (a web authorization code for the payer's openid).
import { env } from '@/server/config/env';
import { exchangeWechatWebCode } from '@/server/sandbox/wechatpay/web-authorization';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return env().PAYCENTER_SANDBOX ? exchangeWechatWebCode(request) : new Response('Not Found', { status: 404 });
}
