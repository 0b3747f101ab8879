// The simulated Alipay OpenAPI gateway (alipay-sdk `gateway: ${base}/sandbox/alipay/gateway.do`).
import { handleAlipayGateway } from '@/server/sandbox/alipay/handle-gateway-request';
import { alipaySandboxEnabled, notFound } from '@/server/sandbox/alipay/sandbox-enabled';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  return alipaySandboxEnabled() ? handleAlipayGateway(request) : notFound();
}

export { handle as GET, handle as POST };
