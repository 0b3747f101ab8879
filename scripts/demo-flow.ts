// npm run demo:flow [-- <scenario>…] — plays a business app written by another team: using only the API
// contract over HTTP and the demo credentials in .data/demo.json (written by `npm run dev` /
// `npm run seed:demo`), it pays a payment in the sandbox for every scenario below (every channel, its
// invoke methods, both Alipay signing modes and both WeChat Pay verification modes), finds it by all three identifiers and refunds it
// in two parts; and on each channel that splits, it splits a payment held for splitting (contract v1.1).
// Its own webhook receiver must get payment.succeeded, refund.succeeded and split.succeeded, signed,
// within a second, and the change feed must answer the same events in order. The routes are asked
// once first, so that the first compilation under `npm run dev` is not what the bounds measure.
// It signs and verifies with its own code on purpose: it must not import PayCenter's.
import { call, Deviation, expectStatus, fail, loadDemo, paymentOf, step, warmRoutes, type Demo, type Payment } from './demo-flow/app-api';
import { paidPayment, type PaymentRequest } from './demo-flow/paid-payment';
import { splitJourney } from './demo-flow/split-flow';
import { startReceiver, waitForWebhook, WEBHOOK_BOUND_MS, type Refund, type WebhookReceiver } from './demo-flow/webhook-receiver';

/** One journey: which payment ID of the demo merchant, how the app asks the user to pay; a split journey splits instead of refunding. */
interface Scenario extends PaymentRequest {
  name: string;
  label: string;
  split?: true;
}

const PAYER_IP = '203.0.113.7';
const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

const SCENARIOS: Scenario[] = [
  ...(['ALIPAY', 'ALIPAY_CERT'] as const).flatMap((key): Scenario[] => {
    const mode = key === 'ALIPAY' ? 'public key' : 'certificate';
    const slug = key === 'ALIPAY' ? 'alipay' : 'alipay-cert';
    return [
      { name: `${slug}-pc`, label: `Alipay PC page pay (${mode})`, paymentIdKey: key, invokeMethod: 'PC' as const },
      { name: `${slug}-qr`, label: `Alipay QR, precreate (${mode})`, paymentIdKey: key, invokeMethod: 'QR' as const },
    ];
  }),
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
  { name: 'wechatpay-split', label: 'WeChat Pay split to two receivers, then finish', paymentIdKey: 'WECHATPAY', invokeMethod: 'QR', split: true },
  { name: 'alipay-split', label: 'Alipay split (settle) to two receivers, then finish', paymentIdKey: 'ALIPAY', invokeMethod: 'QR', split: true },
];

const REFUND_TIMEOUT_MS = 20_000;

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
    await warmRoutes(demo);
    // Under `npm run dev` the first journey through each channel also pays for loading and optimising its
    // code paths the first time they run (a second or more); one journey per channel is run untimed first,
    // so the bounds below measure PayCenter.
    receiver.boundMs = 60_000;
    for (const scenario of scenarios.filter((s, i) => scenarios.findIndex((other) => other.paymentIdKey === s.paymentIdKey) === i)) {
      console.log(`\nWarm-up, not timed: ${scenario.label}`);
      await run(demo, scenario, receiver);
    }
    receiver.boundMs = WEBHOOK_BOUND_MS;
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

async function run(demo: Demo, scenario: Scenario, receiver: WebhookReceiver): Promise<void> {
  if (scenario.split) return splitJourney(demo, scenario.paymentIdKey, receiver);
  const { orderNo, paid } = await paidPayment(demo, scenario, receiver);
  if (!paid.channelTradeNo) fail(`SUCCEEDED payment ${paid.serialNo} has no channelTradeNo`);
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
