// The simulated EasyPay page payment ({gateway}/submit.php, GET link or form POST).
import { alipaySandboxEnabled as sandboxEnabled, notFound } from '@/server/sandbox/alipay/sandbox-enabled';
import { handleEasypaySubmit } from '@/server/sandbox/easypay/handle-submit';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  return sandboxEnabled() ? handleEasypaySubmit(request) : notFound();
}

export { handle as GET, handle as POST };
