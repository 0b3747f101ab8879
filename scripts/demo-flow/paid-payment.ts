// The start of every journey: the app creates a payment, the simulated user pays it at the channel's
// sandbox, the signed payment.succeeded webhook arrives within a second, and the payment reads SUCCEEDED.
import { randomBytes } from 'node:crypto';
import { expectStatus, fail, paymentOf, step, type Demo, type Payment } from './app-api';
import { waitForWebhook, type WebhookReceiver } from './webhook-receiver';

export interface PaymentRequest {
  paymentIdKey: string;
  invokeMethod: 'PC' | 'WAP' | 'APP' | 'MINI_PROGRAM' | 'QR';
  payer?: { clientIp?: string; openId?: string };
  /** Ask the channel to hold the funds for splitting. */
  profitSharing?: boolean;
}

export const AMOUNT = 1000;
const PAY_TIMEOUT_MS = 20_000;

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

export async function paidPayment(demo: Demo, request: PaymentRequest, receiver: WebhookReceiver): Promise<{ orderNo: string; paid: Payment }> {
  const orderNo = `DEMO-${Date.now()}-${randomBytes(3).toString('hex')}`;
  const created = await expectStatus(demo, 'POST', '/api/v1/payments', 201, {
    merchantId: demo.merchantId,
    paymentId: demo.paymentIds[request.paymentIdKey],
    orderNo,
    amount: AMOUNT,
    currency: 'CNY',
    subject: '物业费 Demo property fee & 停车费 a=b',
    invokeMethod: request.invokeMethod,
    notifyUrl: receiver.url,
    ...(request.payer ? { payer: request.payer } : {}),
    ...(request.profitSharing ? { profitSharing: true } : {}),
  });
  const pending = paymentOf(created, 'POST /api/v1/payments');
  const action = created.action as { type?: string; url?: string; html?: string } | undefined;
  if (pending.status !== 'PENDING' || pending.amount !== AMOUNT || pending.livemode) fail(`new payment is not a PENDING sandbox payment of ${AMOUNT}: ${JSON.stringify(pending)}`);
  if (request.profitSharing && pending.profitSharing !== true) fail(`new payment does not hold its funds for splitting: ${JSON.stringify(pending)}`);
  if (!action?.type) fail(`POST /api/v1/payments answered no action: ${JSON.stringify(created)}`);
  step(`created payment ${pending.serialNo} for order ${orderNo}, ${AMOUNT} fen${request.profitSharing ? ', profitSharing' : ''}; action ${action.type}`);

  const paidAt = Date.now();
  await expectStatus(demo, 'POST', `/api/v1/sandbox/payments/${pending.serialNo}/pay`, 200);
  step('the simulated user paid at the channel sandbox');
  const paymentWebhook = await waitForWebhook(receiver, (w) => w.type === 'payment.succeeded' && w.data.payment?.serialNo === pending.serialNo, paidAt, 'payment.succeeded');
  step(`webhook payment.succeeded ${paymentWebhook.eventId} arrived signed and verified, ${paymentWebhook.receivedAt - paidAt} ms after the payment`);

  const paid = await waitUntilSucceeded(demo, pending.serialNo);
  if (!paid.channelTradeNo) fail(`SUCCEEDED payment ${paid.serialNo} has no channelTradeNo`);
  step(`payment SUCCEEDED, channel trade number ${paid.channelTradeNo}`);
  return { orderNo, paid };
}
