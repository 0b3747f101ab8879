// The simulated DingTalk custom robot: POST /sandbox/dingtalk/robot/send?access_token=…&timestamp=…&sign=…
import { alipaySandboxEnabled as sandboxEnabled, notFound } from '@/server/sandbox/alipay/sandbox-enabled';
import { handleRobotSend } from '@/server/sandbox/dingtalk';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  return sandboxEnabled() ? handleRobotSend(request) : notFound();
}
