// The simulated open.weixin.qq.com/connect/oauth2/authorize (WeChat's web authorization, snsapi_base).
import { env } from '@/server/config/env';
import { authorizeWechatWebUser } from '@/server/sandbox/wechatpay/web-authorization';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return env().PAYCENTER_SANDBOX ? authorizeWechatWebUser(request) : new Response('Not Found', { status: 404 });
}
