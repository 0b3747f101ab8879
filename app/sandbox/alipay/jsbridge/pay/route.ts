// The simulated Alipay client's payment sheet says "pay": the simulator checks the trade and its buyer, and pays.
import { payFromTradePaySheet } from '@/server/sandbox/alipay/jsapi-bridge';
import { alipaySandboxEnabled, notFound } from '@/server/sandbox/alipay/sandbox-enabled';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  if (!alipaySandboxEnabled()) return notFound();
  return Response.json(await payFromTradePaySheet(await request.json().catch(() => null)));
}
