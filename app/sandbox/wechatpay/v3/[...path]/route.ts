// The simulated WeChat Pay API v3 (a client's base URL `${base}/sandbox/wechatpay` instead of https://api.mch.weixin.qq.com).
import { env } from '@/server/config/env';
import { handleWechatpayApi } from '@/server/sandbox/wechatpay/handle-api';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  return env().PAYCENTER_SANDBOX ? handleWechatpayApi(request) : new Response('Not Found', { status: 404 });
}

export { handle as GET, handle as POST };
