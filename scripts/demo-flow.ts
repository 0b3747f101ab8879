// npm run demo:flow [-- <scenario>…] — plays a business app written by another team: using only the API
// contract over HTTP and the demo credentials in .data/demo.json (written by `npm run dev` /
// `npm run seed:demo`), it pays a payment in the sandbox for every scenario below (every channel, its
// invoke methods, both WeChat Pay verification modes), finds it by all three identifiers and refunds it
// in two parts. Its own webhook receiver must get payment.succeeded and refund.succeeded, signed, within
// a second, and the change feed must answer the same events in order.
// It signs and verifies with its own code on purpose: it must not import PayCenter's.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

interface Demo {
  baseUrl: string;
  appId: string;
  appSecret: string;
  merchantId: string;
  paymentIds: Record<string, string | undefined>;
}

/** One payment journey: which payment ID of the demo merchant, how the app asks the user to pay. */
interface Scenario {
  name: string;
  label: string;
  paymentIdKey: string;
  invokeMethod: 'PC' | 'WAP' | 'APP' | 'MINI_PROGRAM' | 'QR';
  payer?: { clientIp?: string; openId?: string };
}

const PAYER_IP = '203.0.113.7';
const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

const SCENARIOS: Scenario[] = [
  { name: 'alipay-pc', label: 'Alipay PC page pay', paymentIdKey: 'ALIPAY', invokeMethod: 'PC' },
  { name: 'alipay-qr', label: 'Alipay QR (precreate)', paymentIdKey: 'ALIPAY', invokeMethod: 'QR' },
  ...(['WECHATPAY', 'WECHATPAY_PLATFORM_CERT'] as const).flatMap((key): Scenario[] => {
    const mode = key === 'WECHATPAY' ? 'public key' : 'platform certificate';
    const slug = key === 'WECHATPAY' ? 'wechatpay' : 'wechatpay-cert';
    return [
      { name: `${slug}-native`, label: `WeChat Pay NATIVE (${mode})`, paymentIdKey: key, invokeMethod: 'QR' as const },
      { name: `${slug}-h5`, label: `WeChat Pay H5 (${mode})`, paymentIdKey: key, invokeMethod: 'WAP' as const, payer: { clientIp: PAYER_IP } },
      { name: `${slug}-jsapi`, label: `WeChat Pay JSAPI (${mode})`, paymentIdKey: key, invokeMethod: 'MINI_PROGRAM' as const, payer: { openId: OPENID } },
    ];
  }),
  { name: 'easypay-page', label: 'EasyPay page payment (submit.php)', paymentIdKey: 'EASYPAY', invokeMethod: 'PC' },
  { name: 'easypay-api', label: 'EasyPay API payment (mapi.php)', paymentIdKey: 'EASYPAY', invokeMethod: 'QR', payer: { clientIp: PAYER_IP } },
];

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

class Deviation extends Error {}

const AMOUNT = 1000;
const PAY_TIMEOUT_MS = 20_000;
const REFUND_TIMEOUT_MS = 20_000;

function fail(message: string): never {
  throw new Deviation(message);
}

function step(message: string): void {
  console.log(`✓ ${message}`);
}

async function loadDemo(): Promise<Demo> {
  const file = path.resolve(process.env.PAYCENTER_DATA_DIR ?? '.data', 'demo.json');
  let demo: Partial<Demo>;
  try {
    demo = JSON.parse(await readFile(file, 'utf8')) as Partial<Demo>;
  } catch (error) {
    fail(`cannot read ${file} (${(error as Error).message}); run \`npm run dev\` or \`npm run seed:demo\` first`);
  }
  for (const key of ['baseUrl', 'appId', 'appSecret', 'merchantId'] as const) if (!demo[key]) fail(`${file} has no ${key}`);
  if (!demo.paymentIds) fail(`${file} has no paymentIds`);
  return demo as Demo;
}

/** One signed request as api-contract.md describes: HMAC-SHA256 over METHOD, path+query, timestamp, nonce, body. */
async function call(demo: Demo, method: 'GET' | 'POST', pathWithQuery: string, payload?: unknown): Promise<Answer> {
  const body = payload === undefined ? '' : JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = createHmac('sha256', demo.appSecret).update(`${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`, 'utf8').digest('hex');
  let response: Response;
  try {
    response = await fetch(new URL(pathWithQuery, demo.baseUrl), {
      method,
      headers: {
        'X-PayCenter-App-Id': demo.appId,
        'X-PayCenter-Timestamp': timestamp,
        'X-PayCenter-Nonce': nonce,
        'X-PayCenter-Signature': signature,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body ? { body } : {}),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    fail(`${method} ${pathWithQuery}: PayCenter at ${demo.baseUrl} cannot be reached (${(error as Error).message}); is \`npm run dev\` running?`);
  }
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    fail(`${method} ${pathWithQuery}: HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, body: parsed };
}

async function expectStatus(demo: Demo, method: 'GET' | 'POST', pathWithQuery: string, expected: number, payload?: unknown): Promise<Record<string, unknown>> {
  const answer = await call(demo, method, pathWithQuery, payload);
  if (answer.status !== expected) fail(`${method} ${pathWithQuery}: expected HTTP ${expected}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

type Payment = { serialNo: string; orderNo: string; status: string; amount: number; channelTradeNo: string | null; refundedAmount: number; livemode: boolean };
type Refund = { refundSerialNo: string; refundNo: string; serialNo: string; amount: number; status: string; succeededAt: string | null };

function paymentOf(body: Record<string, unknown>, where: string): Payment {
  const payment = body.payment as Payment | undefined;
  if (!payment?.serialNo) fail(`${where}: the answer has no payment: ${JSON.stringify(body)}`);
  return payment;
}

async function waitUntilSucceeded(demo: Demo, serialNo: string): Promise<Payment> {
  const deadline = Date.now() + PAY_TIMEOUT_MS;
  for (;;) {
    const payment = paymentOf(await expectStatus(demo, 'GET', `/api/v1/payments/${serialNo}`, 200), 'polling');
    if (payment.status === 'SUCCEEDED') return payment;
    if (payment.status !== 'PENDING') fail(`payment ${serialNo} became ${payment.status} instead of SUCCEEDED`);
    if (Date.now() > deadline) fail(`payment ${serialNo} still PENDING after ${PAY_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function same(actual: Payment, expected: Payment, how: string): void {
  if (actual.serialNo !== expected.serialNo || actual.status !== expected.status || actual.channelTradeNo !== expected.channelTradeNo) {
    fail(`lookup ${how} answered ${JSON.stringify(actual)}, expected payment ${expected.serialNo} (${expected.status}, ${expected.channelTradeNo})`);
  }
}

async function refund(demo: Demo, serialNo: string, refundNo: string, amount: number): Promise<Refund> {
  const body = await expectStatus(demo, 'POST', `/api/v1/payments/${serialNo}/refunds`, 201, { refundNo, amount, reason: 'demo flow' });
  const created = body.refund as Refund | undefined;
  if (!created || created.amount !== amount || created.serialNo !== serialNo || created.refundNo !== refundNo) fail(`refund ${refundNo}: unexpected answer ${JSON.stringify(body)}`);
  if (created.status === 'FAILED') fail(`refund ${refundNo} FAILED`);
  return created;
}

/** Channels that settle refunds later (WeChat Pay answers PROCESSING) are polled until final. */
async function refundSucceeded(demo: Demo, created: Refund): Promise<Refund> {
  const deadline = Date.now() + REFUND_TIMEOUT_MS;
  for (let current = created; ; ) {
    if (current.status === 'SUCCEEDED') return current;
    if (current.status !== 'PROCESSING') fail(`refund ${current.refundSerialNo} became ${current.status}`);
    if (Date.now() > deadline) fail(`refund ${current.refundSerialNo} still PROCESSING after ${REFUND_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    current = (await expectStatus(demo, 'GET', `/api/v1/refunds/${created.refundSerialNo}`, 200)).refund as Refund;
  }
}

interface Webhook {
  eventId: string;
  type: string;
  data: { payment?: Payment; refund?: Refund };
  receivedAt: number;
}

/** The app's notify endpoint: verifies each webhook (HMAC-SHA256 of TIMESTAMP + "." + RAW_BODY) and acknowledges it. */
async function startReceiver(secret: string): Promise<{ url: string; received: Webhook[]; rejected: string[]; close(): void }> {
  const received: Webhook[] = [];
  const rejected: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(request.headers['x-paycenter-timestamp'] ?? '');
      const signature = Buffer.from(String(request.headers['x-paycenter-signature'] ?? ''));
      const expected = Buffer.from(createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex'));
      const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
      if (!fresh || expected.length !== signature.length || !timingSafeEqual(expected, signature)) {
        rejected.push(rawBody.slice(0, 200));
        response.writeHead(401).end();
        return;
      }
      const event = JSON.parse(rawBody) as { id: string; type: string; data: Webhook['data'] };
      if (event.id !== request.headers['x-paycenter-event-id']) rejected.push(`event id header ${String(request.headers['x-paycenter-event-id'])} is not the body's ${event.id}`);
      received.push({ eventId: event.id, type: event.type, data: event.data, receivedAt: Date.now() });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/paycenter/webhook`, received, rejected, close: () => server.close() };
}

async function waitForWebhook(receiver: Awaited<ReturnType<typeof startReceiver>>, matches: (webhook: Webhook) => boolean, since: number, what: string): Promise<Webhook> {
  for (;;) {
    const webhook = receiver.received.find(matches);
    if (webhook) {
      if (webhook.receivedAt - since > 1000) fail(`${what} arrived ${webhook.receivedAt - since} ms after the change, more than 1 s`);
      return webhook;
    }
    if (receiver.rejected.length > 0) fail(`a webhook did not verify: ${receiver.rejected[0]}`);
    if (Date.now() - since > 1000) fail(`no ${what} webhook within 1 s (received: ${JSON.stringify(receiver.received.map((w) => w.type))})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every event of the app in the change feed, page by page. */
async function feedEvents(demo: Demo): Promise<Array<{ id: string; type: string; cursor: string }>> {
  const events: Array<{ id: string; type: string; cursor: string }> = [];
  let after = '0';
  for (;;) {
    const page = await expectStatus(demo, 'GET', `/api/v1/events?after=${after}&limit=500`, 200);
    const batch = page.events as typeof events;
    events.push(...batch);
    if (batch.length < 500) return events;
    after = page.nextCursor as string;
  }
}

function chosenScenarios(demo: Demo): Scenario[] {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SCENARIOS.some((s) => s.name === name || s.name.startsWith(`${name}-`)));
  if (unknown.length) fail(`unknown scenario ${unknown.join(', ')}; scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const chosen = wanted.length ? SCENARIOS.filter((s) => wanted.some((name) => s.name === name || s.name.startsWith(`${name}-`))) : SCENARIOS;
  const missing = chosen.filter((s) => !demo.paymentIds[s.paymentIdKey]);
  if (missing.length) fail(`demo.json has no payment ID for ${missing.map((s) => s.paymentIdKey).join(', ')}; rerun \`npm run seed:demo\``);
  return chosen;
}

async function main(): Promise<void> {
  const demo = await loadDemo();
  const scenarios = chosenScenarios(demo);
  console.log(`PayCenter demo flow against ${demo.baseUrl} as app ${demo.appId}: ${scenarios.length} scenarios`);
  const receiver = await startReceiver(demo.appSecret);
  try {
    for (const scenario of scenarios) {
      console.log(`\n${scenario.label}`);
      await run(demo, scenario, receiver);
    }
    const webhookIds = receiver.received.map((w) => w.eventId);
    const feedIds = (await feedEvents(demo)).map((e) => e.id).filter((id) => webhookIds.includes(id));
    // Webhooks of different payments may overtake each other; the feed's order is the commit order.
    if (JSON.stringify([...feedIds].sort()) !== JSON.stringify([...webhookIds].sort())) fail(`the change feed answers ${JSON.stringify(feedIds)}, the webhooks were ${JSON.stringify(webhookIds)}`);
    step(`the change feed answers the same ${feedIds.length} events`);
  } finally {
    receiver.close();
  }
  console.log(`\nDemo flow passed (${scenarios.map((s) => s.name).join(', ')}).`);
}

async function run(demo: Demo, scenario: Scenario, receiver: Awaited<ReturnType<typeof startReceiver>>): Promise<void> {
  const orderNo = `DEMO-${Date.now()}-${randomBytes(3).toString('hex')}`;
  const created = await expectStatus(demo, 'POST', '/api/v1/payments', 201, {
    merchantId: demo.merchantId,
    paymentId: demo.paymentIds[scenario.paymentIdKey],
    orderNo,
    amount: AMOUNT,
    currency: 'CNY',
    subject: '物业费 Demo property fee & 停车费 a=b',
    invokeMethod: scenario.invokeMethod,
    notifyUrl: receiver.url,
    ...(scenario.payer ? { payer: scenario.payer } : {}),
  });
  const pending = paymentOf(created, 'POST /api/v1/payments');
  const action = created.action as { type?: string; url?: string; html?: string } | undefined;
  if (pending.status !== 'PENDING' || pending.amount !== AMOUNT || pending.livemode) fail(`new payment is not a PENDING sandbox payment of ${AMOUNT}: ${JSON.stringify(pending)}`);
  if (!action?.type) fail(`POST /api/v1/payments answered no action: ${JSON.stringify(created)}`);
  step(`created payment ${pending.serialNo} for order ${orderNo}, ${AMOUNT} fen; action ${action.type}`);

  const paidAt = Date.now();
  await expectStatus(demo, 'POST', `/api/v1/sandbox/payments/${pending.serialNo}/pay`, 200);
  step('the simulated user paid at the channel sandbox');
  const paymentWebhook = await waitForWebhook(receiver, (w) => w.type === 'payment.succeeded' && w.data.payment?.serialNo === pending.serialNo, paidAt, 'payment.succeeded');
  step(`webhook payment.succeeded ${paymentWebhook.eventId} arrived signed and verified, ${paymentWebhook.receivedAt - paidAt} ms after the payment`);

  const paid = await waitUntilSucceeded(demo, pending.serialNo);
  if (!paid.channelTradeNo) fail(`SUCCEEDED payment ${paid.serialNo} has no channelTradeNo`);
  step(`payment SUCCEEDED, channel trade number ${paid.channelTradeNo}`);

  same(paymentOf(await expectStatus(demo, 'GET', `/api/v1/payments/${paid.serialNo}`, 200), 'by serialNo'), paid, 'by serialNo');
  const byOrder = await expectStatus(demo, 'GET', `/api/v1/payments?merchantId=${encodeURIComponent(demo.merchantId)}&orderNo=${encodeURIComponent(orderNo)}`, 200);
  const order = byOrder.order as { orderNo?: string; status?: string } | undefined;
  const attempts = (byOrder.payments as Payment[] | undefined) ?? [];
  if (order?.orderNo !== orderNo || order.status !== 'PAID') fail(`order lookup answered order ${JSON.stringify(order)}, expected ${orderNo} PAID`);
  const attempt = attempts.find((p) => p.serialNo === paid.serialNo);
  if (attempts.length !== 1 || !attempt) fail(`order lookup answered attempts ${JSON.stringify(attempts.map((p) => p.serialNo))}, expected [${paid.serialNo}]`);
  same(attempt, paid, 'by merchantId and orderNo');
  same(paymentOf(await expectStatus(demo, 'GET', `/api/v1/payments?channelTradeNo=${encodeURIComponent(paid.channelTradeNo)}`, 200), 'by channelTradeNo'), paid, 'by channelTradeNo');
  step('found it by serialNo, by merchantId + orderNo (order PAID) and by channelTradeNo');

  const accepted = await refund(demo, paid.serialNo, `${orderNo}-R1`, 300);
  step(`refund ${accepted.refundSerialNo} of 300 fen accepted (${accepted.status})`);
  const first = await refundSucceeded(demo, accepted);
  // Measured from the change itself (as for the payment), not from when this script sent the request.
  const refundedAt = Date.parse(first.succeededAt ?? '');
  const refundWebhook = await waitForWebhook(receiver, (w) => w.type === 'refund.succeeded' && w.data.refund?.refundSerialNo === first.refundSerialNo, refundedAt, 'refund.succeeded');
  step(`webhook refund.succeeded ${refundWebhook.eventId} arrived signed and verified, ${refundWebhook.receivedAt - refundedAt} ms after the refund`);
  const second = await refundSucceeded(demo, await refund(demo, paid.serialNo, `${orderNo}-R2`, 700));
  step(`refund ${second.refundSerialNo} of 700 fen SUCCEEDED; the payment is fully refunded`);

  const third = await call(demo, 'POST', `/api/v1/payments/${paid.serialNo}/refunds`, { refundNo: `${orderNo}-R3`, amount: 1 });
  const error = third.body.error as { code?: string; details?: { refundableAmount?: number } } | undefined;
  if (third.status !== 422 || error?.code !== 'REFUND_AMOUNT_EXCEEDED') fail(`a third refund of 1 fen should be 422 REFUND_AMOUNT_EXCEEDED, got ${third.status}: ${JSON.stringify(third.body)}`);
  if (error.details?.refundableAmount !== 0) fail(`REFUND_AMOUNT_EXCEEDED should say refundableAmount 0, got ${JSON.stringify(error.details)}`);
  step('a third refund of 1 fen is refused: 422 REFUND_AMOUNT_EXCEEDED, refundableAmount 0');
}

main().catch((error: unknown) => {
  console.error(`✗ demo flow failed: ${error instanceof Deviation ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
