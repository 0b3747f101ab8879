// GET /checkout/{serialNo}/alipay?auth_code=…&state=…: Alipay's web authorization (auth_base) comes back here.
import { finishInAppAuthorization } from '../in-app-callback';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ serialNo: string }> }): Promise<Response> {
  return finishInAppAuthorization(request, { serialNo: (await context.params).serialNo, channel: 'ALIPAY', codeParameter: 'auth_code' });
}
