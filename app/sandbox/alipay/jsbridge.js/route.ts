// The simulated Alipay client's AlipayJSBridge, loaded by the sandbox checkout inside (simulated) Alipay.
import { JSBRIDGE_SCRIPT } from '@/server/sandbox/alipay/jsapi-bridge';
import { alipaySandboxEnabled, notFound } from '@/server/sandbox/alipay/sandbox-enabled';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  if (!alipaySandboxEnabled()) return notFound();
  return new Response(JSBRIDGE_SCRIPT, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' } });
}
