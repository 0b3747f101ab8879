// The app's webhook endpoint during the bench: every webhook that arrives is matched, by its
// payment's serial number, to the moment the bench sent that payment's paid callback.
import { performance } from 'node:perf_hooks';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';
import { summarizeLatencies, type LatencySummary } from './stats';

export interface WebhookWatch {
  url: string;
  /** Call just before sending the paid callback of `serialNo`. */
  callbackSent(serialNo: string): void;
  /** Waits until each of `serialNos` has its webhook; fails when one arrived twice or none arrived in time. */
  expectOnceEach(serialNos: readonly string[], timeoutMs?: number): Promise<void>;
  /** Callback sent → webhook arrived, for `serialNos`; fails when one arrived before its callback was sent. */
  latency(serialNos: readonly string[]): LatencySummary;
  close(): Promise<void>;
}

export async function webhookWatch(): Promise<WebhookWatch> {
  const sentAt = new Map<string, number>();
  const arrivals = new Map<string, number[]>();
  const receiver: WebhookReceiver = await webhookReceiver({
    onRequest: (count) => {
      const at = performance.now();
      const event = JSON.parse(receiver.received[count - 1]!.rawBody) as { data?: { payment?: { serialNo?: string } } };
      const serialNo = event.data?.payment?.serialNo ?? '(no payment)';
      arrivals.set(serialNo, [...(arrivals.get(serialNo) ?? []), at]);
    },
  });
  const arrived = (serialNos: readonly string[]) => serialNos.filter((serialNo) => arrivals.has(serialNo)).length;
  return {
    url: receiver.url,
    callbackSent: (serialNo) => void sentAt.set(serialNo, performance.now()),
    async expectOnceEach(serialNos, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (arrived(serialNos) < serialNos.length) {
        if (Date.now() > deadline) throw new Error(`${arrived(serialNos)} of ${serialNos.length} webhooks arrived within ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const repeated = serialNos.filter((serialNo) => arrivals.get(serialNo)!.length > 1);
      if (repeated.length > 0) throw new Error(`${repeated.length} payments had their webhook more than once, e.g. ${repeated[0]}`);
    },
    latency: (serialNos) => {
      const latencies = serialNos.map((serialNo) => arrivals.get(serialNo)![0]! - sentAt.get(serialNo)!);
      // Then something else (a background job) settled the payment, and its callback measured a re-delivery.
      const early = latencies.filter((ms) => ms < 0).length;
      if (early > 0) throw new Error(`${early} webhooks arrived before their payment's callback was sent`);
      return summarizeLatencies(latencies);
    },
    close: () => receiver.close(),
  };
}
