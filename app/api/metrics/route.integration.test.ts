// GET /api/metrics (api-contract.md, Operations): Prometheus text format behind the metrics token,
// whose counters move with real traffic through the app API over HTTP.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paidTradeNotify, paymentRequest, paymentsTenant, postNotify, type PaymentsTenant } from '@/server/testing/payments-api';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';

// Before anything reads the environment: env() keeps what it read first.
const TOKEN = vi.hoisted(() => (process.env.PAYCENTER_METRICS_TOKEN = 'metrics-token-0123456789abcdef'));

let server: RunningServer;
let tenant: PaymentsTenant;
let receiver: WebhookReceiver;

beforeAll(async () => {
  server = await startAppServer();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
  receiver = await webhookReceiver();
});
afterAll(async () => {
  delete process.env.PAYCENTER_METRICS_TOKEN;
  await receiver?.close();
  await server?.close();
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * The exposition format, strictly: every line is `# HELP name text`, `# TYPE name type` or a sample
 * `name{label="value",...} number`, and every sample belongs to a family announced by HELP and TYPE.
 */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  const helps = new Set<string>();
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n').filter(Boolean)) {
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (comment) {
      if (comment[1] === 'HELP') helps.add(comment[2]!);
      else types.set(comment[2]!, comment[3]!);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) throw new Error(`not a sample line: ${line}`);
    const labels = Object.fromEntries([...(sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/g)].map((m) => [m[1]!, m[2]!]));
    const value = Number(sample[3]);
    // Go's ParseFloat, as Prometheus parses, takes NaN in any case (prom-client writes Nan).
    if (Number.isNaN(value) && !/^nan$/i.test(sample[3]!)) throw new Error(`not a number: ${line}`);
    samples.push({ name: sample[1]!, labels, value });
  }
  for (const { name } of samples) {
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
    expect(types.get(family), `# TYPE of ${name}`).toMatch(/^(counter|gauge|histogram|summary|untyped)$/);
    expect(helps.has(family), `# HELP of ${name}`).toBe(true);
  }
  return { samples, types };
}

async function scrape(): Promise<Sample[]> {
  const response = await fetch(`${server.baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text()).samples;
}

/** The sum of a metric's samples whose labels include `labels`. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value))
    .reduce((sum, s) => sum + s.value, 0);
}

describe('GET /api/metrics', () => {
  it('requires the metrics token: 401 in the contract error shape without it or with a wrong one', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const response = await fetch(`${server.baseUrl}/api/metrics`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    }
  });

  it('parses as Prometheus exposition format, every metric named paycenter_*, with process metrics and database gauges', async () => {
    const response = await fetch(`${server.baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const { samples, types } = parseExposition(await response.text());
    expect([...types.keys()].filter((name) => !name.startsWith('paycenter_'))).toEqual([]);
    expect(types.get('paycenter_process_cpu_seconds_total')).toBe('counter');
    expect(types.get('paycenter_http_request_duration_seconds')).toBe('histogram');
    expect(samples.find((s) => s.name === 'paycenter_outbox_backlog' && s.labels.queue === 'webhook')).toBeDefined();
  });

  it('counts a sandbox payment created, paid and its webhook acknowledged, by route pattern, channel and method', async () => {
    const before = await scrape();
    const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { notifyUrl: receiver.url }));
    expect(created.status).toBe(201);
    const serialNo: string = created.body.payment.serialNo;
    const webhooksBefore = receiver.received.length;
    const paid = await tenant.client.request('POST', `/api/v1/sandbox/payments/${serialNo}/pay`);
    expect(paid.status).toBe(200);
    await receiver.nth(webhooksBefore + 1, 5000);

    // The delivery is counted once its attempt is recorded, just after the receiver answered.
    let after: Sample[] = before;
    await vi.waitFor(async () => {
      after = await scrape();
      expect(valueOf(after, 'paycenter_webhook_deliveries_total', { result: 'DELIVERED' }) - valueOf(before, 'paycenter_webhook_deliveries_total', { result: 'DELIVERED' })).toBe(1);
    });
    const moved = (name: string, labels: Record<string, string> = {}) => valueOf(after, name, labels) - valueOf(before, name, labels);
    const alipayPc = { channel: 'ALIPAY', method: 'PC' };
    expect(moved('paycenter_payments_created_total', alipayPc)).toBe(1);
    expect(moved('paycenter_payments_finished_total', { ...alipayPc, status: 'SUCCEEDED' })).toBe(1);
    expect(moved('paycenter_webhook_delivery_latency_seconds_count')).toBe(1);
    expect(moved('paycenter_channel_calls_total', { channel: 'ALIPAY', operation: 'createPayment', result: 'ok' })).toBe(1);
    expect(moved('paycenter_channel_call_duration_seconds_count', { channel: 'ALIPAY', operation: 'createPayment' })).toBe(1);
    expect(moved('paycenter_http_requests_total', { route: '/api/v1/payments', method: 'POST', status: '201' })).toBe(1);
    expect(moved('paycenter_http_requests_total', { route: '/api/v1/sandbox/payments/[serialNo]/pay', method: 'POST', status: '200' })).toBe(1);
    expect(moved('paycenter_http_request_duration_seconds_count', { route: '/api/v1/payments', method: 'POST' })).toBe(1);
    expect(after.filter((s) => Object.values(s.labels).some((value) => value.includes(serialNo)))).toEqual([]);
  });

  it('counts a forged callback as rejected by its reason', async () => {
    const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { invokeMethod: 'QR' }));
    const before = await scrape();
    const genuine = await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo: created.body.payment.serialNo });
    const forged = genuine.replace(/total_amount=[^&]+/, 'total_amount=0.01');
    expect((await postNotify(server.baseUrl, tenant.paymentId, forged)).status).toBe(200);
    const after = await scrape();
    const labels = { channel: 'ALIPAY', outcome: 'REJECTED', verified: 'false', reason: 'BAD_SIGNATURE' };
    expect(valueOf(after, 'paycenter_callbacks_total', labels) - valueOf(before, 'paycenter_callbacks_total', labels)).toBe(1);
  });
});
