// The simulated EasyPay merchant API ({gateway}/api.php: act=order, act=refund).
import { alipaySandboxEnabled as sandboxEnabled, notFound } from '@/server/sandbox/alipay/sandbox-enabled';
import { handleEasypayApi } from '@/server/sandbox/easypay/handle-api';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  return sandboxEnabled() ? handleEasypayApi(request) : notFound();
}

export { handle as GET, handle as POST };
