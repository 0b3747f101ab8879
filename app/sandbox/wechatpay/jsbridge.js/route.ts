// The simulated WeChat client's WeixinJSBridge, loaded by the sandbox checkout inside (simulated) WeChat.
import { env } from '@/server/config/env';
import { JSBRIDGE_SCRIPT } from '@/server/sandbox/wechatpay/jsapi-bridge';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  if (!env().PAYCENTER_SANDBOX) return new Response('Not Found', { status: 404 });
  return new Response(JSBRIDGE_SCRIPT, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' } });
}
