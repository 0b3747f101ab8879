// The simulated openauth.alipay.com/oauth2/publicAppAuthorize.htm (Alipay's web authorization, auth_base).
import { authorizeAlipayWebUser } from '@/server/sandbox/alipay/web-authorization';
import { alipaySandboxEnabled, notFound } from '@/server/sandbox/alipay/sandbox-enabled';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return alipaySandboxEnabled() ? authorizeAlipayWebUser(request) : notFound();
}
