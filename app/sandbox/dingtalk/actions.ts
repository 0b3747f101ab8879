'use server';
// "Add robot" on the simulator's page, as a DingTalk group admin would.
import { redirect } from 'next/navigation';
import { alipaySandboxEnabled as sandboxEnabled } from '@/server/sandbox/alipay/sandbox-enabled';
import { createSandboxDingtalkRobot } from '@/server/sandbox/dingtalk';

export async function createRobotAction(): Promise<void> {
  if (!sandboxEnabled()) redirect('/');
  await createSandboxDingtalkRobot();
  redirect('/sandbox/dingtalk');
}
