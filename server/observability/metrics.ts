import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Payment } from '@/server/db/generated/client';
import { registerDatabaseGauges } from './database-gauges';

/** Seconds, from a fast API answer to a slow channel. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds from an event to its webhook's acknowledgement: the retry schedule runs for a day. */
const WEBHOOK_LATENCY_BUCKETS = [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 24 * 3600];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'paycenter_' });
  registerDatabaseGauges(registry);
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({ name: 'paycenter_http_requests_total', help: 'App API requests by route pattern, method and status.', labelNames: ['route', 'method', 'status'] as const, registers }),
    httpDuration: new Histogram({ name: 'paycenter_http_request_duration_seconds', help: 'App API request latency by route pattern and method.', labelNames: ['route', 'method'] as const, buckets: LATENCY_BUCKETS, registers }),
    paymentsCreated: new Counter({ name: 'paycenter_payments_created_total', help: 'Payment attempts created, by channel (none for a cashier attempt before the payer chooses) and invoke method.', labelNames: ['channel', 'method'] as const, registers }),
    paymentsFinished: new Counter({ name: 'paycenter_payments_finished_total', help: 'Payment attempts that reached SUCCEEDED, FAILED or CLOSED, by channel and invoke method.', labelNames: ['status', 'channel', 'method'] as const, registers }),
    callbacks: new Counter({ name: 'paycenter_callbacks_total', help: 'Channel callbacks by channel, outcome (APPLIED, UNCHANGED, AMOUNT_MISMATCH, REJECTED), whether the signature was verified and, when rejected, why.', labelNames: ['channel', 'outcome', 'verified', 'reason'] as const, registers }),
    callbackContentDropped: new Counter({ name: 'paycenter_callback_content_dropped_total', help: 'Rejected callbacks beyond their payment ID\'s storage cap, recorded without headers, query and body, by channel.', labelNames: ['channel'] as const, registers }),
    channelCalls: new Counter({ name: 'paycenter_channel_calls_total', help: 'Calls to payment channels by channel, operation and result (ok, error).', labelNames: ['channel', 'operation', 'result'] as const, registers }),
    channelDuration: new Histogram({ name: 'paycenter_channel_call_duration_seconds', help: 'Payment channel call latency by channel and operation.', labelNames: ['channel', 'operation'] as const, buckets: LATENCY_BUCKETS, registers }),
    webhookDeliveries: new Counter({ name: 'paycenter_webhook_deliveries_total', help: 'Webhook attempts by result (DELIVERED, RETRY_SCHEDULED, EXHAUSTED, FAILED).', labelNames: ['result'] as const, registers }),
    webhookLatency: new Histogram({ name: 'paycenter_webhook_delivery_latency_seconds', help: 'Seconds from an event to the acknowledgement of its webhook.', buckets: WEBHOOK_LATENCY_BUCKETS, registers }),
    jobRuns: new Counter({ name: 'paycenter_job_runs_total', help: 'Background job runs on this instance by job and result (success, failure).', labelNames: ['job', 'result'] as const, registers }),
    alertsRaised: new Counter({ name: 'paycenter_alerts_raised_total', help: 'Alerts raised by kind.', labelNames: ['kind'] as const, registers }),
  };
}

// On globalThis because Next evaluates modules once per bundle: every route and job of this
// process must count into the one registry /api/metrics exposes. Each instance has its own
// counters; Prometheus sums instances, never this process.
const holder = globalThis as typeof globalThis & { paycenterMetrics?: ReturnType<typeof createMetrics> };

/** The process's metrics: instrument with `metrics().paymentsCreated.inc({...})` where the fact happens. */
export function metrics(): ReturnType<typeof createMetrics> {
  holder.paycenterMetrics ??= createMetrics();
  return holder.paycenterMetrics;
}

/** A payment attempt's labels; a CASHIER attempt has no channel until its payer chooses one. */
export function paymentLabels(payment: Pick<Payment, 'channel' | 'invokeMethod'>): { channel: string; method: string } {
  return { channel: payment.channel ?? 'none', method: payment.invokeMethod };
}

/** Seconds since `start` (a `performance.now()`), for histograms. */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}
