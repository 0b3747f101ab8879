// The demo app's notify endpoint: verifies each webhook with the client package (HMAC-SHA256 of
// TIMESTAMP + "." + RAW_BODY, a fresh timestamp), acknowledges it, and lets a flow wait for one that
// must arrive within a second of the change.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, WebhookVerificationError } from '@paycenter/node';
import { fail, type Payment } from './app-api';

export type Refund = { refundSerialNo: string; refundNo: string; serialNo: string; amount: number; status: string; succeededAt: string | null };
export type SplitLine = { receiverId: string; amount: number; description: string; status: string; failReason: string | null };
export type Split = { splitSerialNo: string; splitNo: string; serialNo: string; status: string; finish: boolean; receivers: SplitLine[]; createdAt: string; finishedAt: string | null };

export interface Webhook {
  eventId: string;
  type: string;
  data: { payment?: Payment; refund?: Refund; split?: Split };
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  received: Webhook[];
  rejected: string[];
  /** How long after its change a webhook may arrive: a second, except in the untimed warm-up round. */
  boundMs: number;
  close(): void;
}

export const WEBHOOK_BOUND_MS = 1000;

export async function startReceiver(secret: string): Promise<WebhookReceiver> {
  const received: Webhook[] = [];
  const rejected: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => (typeof request.headers[name] === 'string' ? request.headers[name] : null);
      let event;
      try {
        event = verifyWebhook({ secret, timestamp: header('x-paycenter-timestamp'), signature: header('x-paycenter-signature'), rawBody });
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        rejected.push(`${error.message}: ${rawBody.slice(0, 200)}`);
        response.writeHead(401).end();
        return;
      }
      if (event.id !== request.headers['x-paycenter-event-id']) rejected.push(`event id header ${String(request.headers['x-paycenter-event-id'])} is not the body's ${event.id}`);
      received.push({ eventId: event.id, type: event.type, data: event.data, receivedAt: Date.now() });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/paycenter/webhook`, received, rejected, boundMs: WEBHOOK_BOUND_MS, close: () => server.close() };
}

export async function waitForWebhook(receiver: WebhookReceiver, matches: (webhook: Webhook) => boolean, since: number, what: string): Promise<Webhook> {
  for (;;) {
    const webhook = receiver.received.find(matches);
    if (webhook) {
      if (webhook.receivedAt - since > receiver.boundMs) fail(`${what} arrived ${webhook.receivedAt - since} ms after the change, more than ${receiver.boundMs} ms`);
      return webhook;
    }
    if (receiver.rejected.length > 0) fail(`a webhook did not verify: ${receiver.rejected[0]}`);
    if (Date.now() - since > receiver.boundMs) fail(`no ${what} webhook within ${receiver.boundMs} ms (received: ${JSON.stringify(receiver.received.map((w) => w.type))})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
