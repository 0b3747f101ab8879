// The DingTalk simulator's page (for demos): its robots with URL and 加签 secret, and every message they accepted.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { alipaySandboxEnabled as sandboxEnabled } from '@/server/sandbox/alipay/sandbox-enabled';
import { listReceivedDingtalkMessages, listSandboxDingtalkRobots } from '@/server/sandbox/dingtalk';
import { createRobotAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '钉钉群机器人（沙箱）' };

interface RobotMessage {
  msgtype?: string;
  markdown?: { title?: string; text?: string };
  text?: { content?: string };
}

export default async function SandboxDingtalkPage() {
  if (!sandboxEnabled()) notFound();
  const [robots, messages] = await Promise.all([listSandboxDingtalkRobots(), listReceivedDingtalkMessages()]);
  return (
    <main className="mx-auto max-w-4xl space-y-8 p-6 text-slate-800">
      <header className="flex items-center justify-between gap-4">
        <h1 className="text-xl font-semibold">钉钉群机器人（沙箱）</h1>
        <form action={createRobotAction}>
          <button type="submit" className="rounded bg-[#0089ff] px-4 py-2 text-sm font-medium text-white">
            添加机器人（加签）
          </button>
        </form>
      </header>
      <section aria-labelledby="robots">
        <h2 id="robots" className="mb-2 font-medium">
          机器人
        </h2>
        <ul className="space-y-2 text-xs">
          {robots.map((robot) => (
            <li key={robot.accessToken} className="rounded border border-slate-200 p-3">
              <div className="break-all">Webhook：{robot.webhookUrl}</div>
              <div className="break-all">加签密钥：{robot.secret}</div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="messages">
        <h2 id="messages" className="mb-2 font-medium">
          收到的消息（最新在前）
        </h2>
        <ol className="space-y-3" data-testid="dingtalk-messages">
          {messages.map((message) => {
            const body = message.body as RobotMessage;
            return (
              <li key={message.id} className="rounded border border-slate-200 bg-white p-3">
                <div className="mb-1 flex justify-between text-xs text-slate-500">
                  <span>…{message.accessToken.slice(-6)}</span>
                  <time dateTime={message.receivedAt.toISOString()}>{message.receivedAt.toISOString()}</time>
                </div>
                <div className="font-medium">{body.markdown?.title ?? body.msgtype}</div>
                <pre className="mt-1 text-sm whitespace-pre-wrap">{body.markdown?.text ?? body.text?.content ?? JSON.stringify(body)}</pre>
              </li>
            );
          })}
        </ol>
      </section>
    </main>
  );
}
