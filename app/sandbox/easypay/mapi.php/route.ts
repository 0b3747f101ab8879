// The simulated EasyPay API payment ({gateway}/mapi.php); a GET is answered with epay's error.
import { alipaySandboxEnabled as sandboxEnabled, notFound } from '@/server/sandbox/alipay/sandbox-enabled';
import { handleEasypayMapi } from '@/server/sandbox/easypay/handle-mapi';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  return sandboxEnabled() ? handleEasypayMapi(request) : notFound();
}

export { handle as GET, handle as POST };
