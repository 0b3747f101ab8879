// The simulated WeChat client's payment sheet says "pay": the simulator checks the paySign and pays.
import { env } from '@/server/config/env';
import { payFromJsapiSheet } from '@/server/sandbox/wechatpay/jsapi-bridge';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  if (!env().PAYCENTER_SANDBOX) return new Response('Not Found', { status: 404 });
  return Response.json(await payFromJsapiSheet(await request.json().catch(() => null)));
}
