// For tests: an app's webhook endpoint over real HTTP that records what arrives and answers as scripted.
import { serveWebHandler, type RunningServer } from './node-http-bridge';

export interface ReceivedWebhook {
  eventId: string | null;
  timestamp: string | null;
  signature: string | null;
  rawBody: string;
  receivedAt: number;
}

/** What to do with one request: answer a status (with optional headers), or never answer. */
export type Answer = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number } | 'HANG';

export interface WebhookReceiver extends RunningServer {
  url: string;
  received: ReceivedWebhook[];
  /** Answers for the next requests, in order; afterwards `otherwise` (200 by default). */
  script: Answer[];
  otherwise: Answer;
  /** Resolves with the `count`th request once it has arrived. */
  nth(count: number, timeoutMs?: number): Promise<ReceivedWebhook>;
}

/** `onRequest` runs as each request arrives, before it is answered. */
export async function webhookReceiver(options: { script?: Answer[]; otherwise?: Answer; onRequest?: (count: number) => Promise<void> | void } = {}): Promise<WebhookReceiver> {
  const waiters: Array<() => void> = [];
  const receiver = {
    received: [] as ReceivedWebhook[],
    script: options.script ?? [],
    otherwise: options.otherwise ?? { status: 200, body: 'ok' },
  } as WebhookReceiver;
  const hung: Array<() => void> = [];
  const server = await serveWebHandler(async (request) => {
    receiver.received.push({
      eventId: request.headers.get('x-paycenter-event-id'),
      timestamp: request.headers.get('x-paycenter-timestamp'),
      signature: request.headers.get('x-paycenter-signature'),
      rawBody: await request.text(),
      receivedAt: Date.now(),
    });
    for (const wake of waiters.splice(0)) wake();
    await options.onRequest?.(receiver.received.length);
    const answer = receiver.script.shift() ?? receiver.otherwise;
    if (answer === 'HANG') {
      await new Promise<void>((resolve) => hung.push(resolve));
      return new Response('too late', { status: 200 });
    }
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    return new Response(answer.body ?? null, { status: answer.status, headers: answer.headers });
  });
  receiver.baseUrl = server.baseUrl;
  receiver.url = `${server.baseUrl}/paycenter/webhook`;
  receiver.close = async () => {
    for (const release of hung.splice(0)) release();
    await server.close();
  };
  receiver.nth = async (count, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (receiver.received.length < count) {
      if (Date.now() > deadline) throw new Error(`only ${receiver.received.length} of ${count} webhooks arrived within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return receiver.received[count - 1]!;
  };
  return receiver;
}
