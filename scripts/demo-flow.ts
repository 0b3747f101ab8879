// npm run demo:flow — plays a business app written by another team: using only the API contract over
// HTTP and the demo credentials in .data/demo.json (written by `npm run dev` / `npm run seed:demo`), it
// pays an Alipay PC payment in the sandbox, finds it by all three identifiers and refunds it in two parts.
// It signs requests with its own code on purpose: it must not import PayCenter's.
import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

interface Demo {
  baseUrl: string;
  appId: string;
  appSecret: string;
  merchantId: string;
  paymentIds: { ALIPAY?: string };
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

class Deviation extends Error {}

const AMOUNT = 1000;
const PAY_TIMEOUT_MS = 20_000;

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
  if (!demo.paymentIds?.ALIPAY) fail(`${file} has no paymentIds.ALIPAY`);
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
type Refund = { refundSerialNo: string; refundNo: string; serialNo: string; amount: number; status: string };

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

async function main(): Promise<void> {
  const demo = await loadDemo();
  const orderNo = `DEMO-${Date.now()}-${randomBytes(3).toString('hex')}`;
  console.log(`PayCenter demo flow against ${demo.baseUrl} as app ${demo.appId}`);

  const created = await expectStatus(demo, 'POST', '/api/v1/payments', 201, {
    merchantId: demo.merchantId,
    paymentId: demo.paymentIds.ALIPAY,
    orderNo,
    amount: AMOUNT,
    currency: 'CNY',
    subject: 'Demo property fee',
    invokeMethod: 'PC',
  });
  const pending = paymentOf(created, 'POST /api/v1/payments');
  const action = created.action as { type?: string; url?: string; html?: string } | undefined;
  if (pending.status !== 'PENDING' || pending.amount !== AMOUNT || pending.livemode) fail(`new payment is not a PENDING sandbox payment of ${AMOUNT}: ${JSON.stringify(pending)}`);
  if (!action?.type) fail(`POST /api/v1/payments answered no action: ${JSON.stringify(created)}`);
  step(`created Alipay PC payment ${pending.serialNo} for order ${orderNo}, ${AMOUNT} fen; action ${action.type}`);

  await expectStatus(demo, 'POST', `/api/v1/sandbox/payments/${pending.serialNo}/pay`, 200);
  step('the simulated user paid at the Alipay sandbox');

  const paid = await waitUntilSucceeded(demo, pending.serialNo);
  if (!paid.channelTradeNo) fail(`SUCCEEDED payment ${paid.serialNo} has no channelTradeNo`);
  step(`payment SUCCEEDED, Alipay trade_no ${paid.channelTradeNo}`);

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

  const first = await refund(demo, paid.serialNo, `${orderNo}-R1`, 300);
  step(`refund ${first.refundSerialNo} of 300 fen accepted (${first.status})`);
  const second = await refund(demo, paid.serialNo, `${orderNo}-R2`, 700);
  step(`refund ${second.refundSerialNo} of 700 fen accepted (${second.status}); the payment is fully refunded`);

  const third = await call(demo, 'POST', `/api/v1/payments/${paid.serialNo}/refunds`, { refundNo: `${orderNo}-R3`, amount: 1 });
  const error = third.body.error as { code?: string; details?: { refundableAmount?: number } } | undefined;
  if (third.status !== 422 || error?.code !== 'REFUND_AMOUNT_EXCEEDED') fail(`a third refund of 1 fen should be 422 REFUND_AMOUNT_EXCEEDED, got ${third.status}: ${JSON.stringify(third.body)}`);
  if (error.details?.refundableAmount !== 0) fail(`REFUND_AMOUNT_EXCEEDED should say refundableAmount 0, got ${JSON.stringify(error.details)}`);
  step('a third refund of 1 fen is refused: 422 REFUND_AMOUNT_EXCEEDED, refundableAmount 0');

  console.log('Demo flow passed.');
}

main().catch((error: unknown) => {
  console.error(`✗ demo flow failed: ${error instanceof Deviation ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
