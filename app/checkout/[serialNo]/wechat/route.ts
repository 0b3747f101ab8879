// GET /checkout/{serialNo}/wechat?code=…&state=…: WeChat's web authorization (snsapi_base) comes back here.
import { finishInAppAuthorization } from '../in-app-callback';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ serialNo: string }> }): Promise<Response> {
  return finishInAppAuthorization(request, { serialNo: (await context.params).serialNo, channel: 'WECHATPAY', codeParameter: 'code' });
}
