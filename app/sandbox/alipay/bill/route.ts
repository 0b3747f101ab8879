// Where the simulator's bill_download_url points.
import { serveAlipayBill } from '@/server/sandbox/alipay/bill/serve-bill';
import { alipaySandboxEnabled, notFound } from '@/server/sandbox/alipay/sandbox-enabled';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return alipaySandboxEnabled() ? serveAlipayBill(request) : notFound();
}
