// The split journey of contract v1.1 on one channel: a payment held for splitting is paid, split to the
// demo tenant's two receivers of that channel (split.succeeded within a second of the split settling),
// the same splitNo answers the same split, finishing releases the rest, and a split after it is refused.
import { call, expectStatus, fail, paymentOf, step, type Demo } from './app-api';
import { AMOUNT, paidPayment } from './paid-payment';
import { waitForWebhook, type Split, type WebhookReceiver } from './webhook-receiver';

const SPLIT_TIMEOUT_MS = 20_000;

function splitOf(body: Record<string, unknown>, where: string): Split {
  const split = body.split as Split | undefined;
  if (!split?.splitSerialNo) fail(`${where}: the answer has no split: ${JSON.stringify(body)}`);
  return split;
}

/** A channel may answer PROCESSING and settle the split later: polled until final. */
async function splitSucceeded(demo: Demo, created: Split): Promise<Split> {
  const deadline = Date.now() + SPLIT_TIMEOUT_MS;
  for (let current = created; ; ) {
    if (current.status === 'SUCCEEDED') return current;
    if (current.status !== 'PROCESSING') fail(`split ${current.splitSerialNo} became ${current.status}: ${JSON.stringify(current.receivers)}`);
    if (Date.now() > deadline) fail(`split ${current.splitSerialNo} still PROCESSING after ${SPLIT_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    current = splitOf(await expectStatus(demo, 'GET', `/api/v1/splits/${created.splitSerialNo}`, 200), 'polling');
  }
}

export async function splitJourney(demo: Demo, channelKey: string, receiver: WebhookReceiver): Promise<void> {
  const receiverIds = demo.splitReceivers?.[channelKey] ?? [];
  if (receiverIds.length < 2) {
    console.log(`– skipped: .data/demo.json has no two splitReceivers.${channelKey} (\`npm run seed:demo\` registers them where the channel splits)`);
    return;
  }
  const { orderNo, paid } = await paidPayment(demo, { paymentIdKey: channelKey, invokeMethod: 'QR', profitSharing: true }, receiver);
  const splitsPath = `/api/v1/payments/${paid.serialNo}/splits`;
  const lines = [
    { receiverId: receiverIds[0]!, amount: 100, description: '服务费' },
    { receiverId: receiverIds[1]!, amount: 50, description: '分成' },
  ];
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  const request = { splitNo: `${orderNo}-S1`, receivers: lines, finish: false };

  const created = splitOf(await expectStatus(demo, 'POST', splitsPath, 201, request), `POST ${splitsPath}`);
  const asked = created.receivers.map((line) => [line.receiverId, line.amount]);
  if (created.serialNo !== paid.serialNo || JSON.stringify(asked) !== JSON.stringify(lines.map((line) => [line.receiverId, line.amount]))) fail(`split answered ${JSON.stringify(created)} for ${JSON.stringify(request)}`);
  step(`split ${created.splitSerialNo} of ${total} fen to 2 receivers accepted (${created.status})`);
  const settled = await splitSucceeded(demo, created);
  if (settled.receivers.some((line) => line.status !== 'SUCCEEDED')) fail(`split ${settled.splitSerialNo} SUCCEEDED with lines ${JSON.stringify(settled.receivers)}`);
  // Measured from the change itself: when PayCenter settled the split.
  const settledAt = Date.parse(settled.finishedAt ?? '');
  const webhook = await waitForWebhook(receiver, (w) => w.type === 'split.succeeded' && w.data.split?.splitSerialNo === created.splitSerialNo, settledAt, 'split.succeeded');
  if (webhook.data.payment?.splitAmount !== total) fail(`split.succeeded carries splitAmount ${webhook.data.payment?.splitAmount}, expected ${total}`);
  step(`webhook split.succeeded ${webhook.eventId} arrived signed and verified, ${webhook.receivedAt - settledAt} ms after the split; splitAmount ${total}`);

  const again = splitOf(await expectStatus(demo, 'POST', splitsPath, 200, request), `POST ${splitsPath} again`);
  if (again.splitSerialNo !== created.splitSerialNo) fail(`the same splitNo answered split ${again.splitSerialNo}, not ${created.splitSerialNo}`);
  step('the same splitNo again answers the same split (200)');

  const finished = paymentOf(await expectStatus(demo, 'POST', `${splitsPath}/finish`, 200), `POST ${splitsPath}/finish`);
  if (finished.serialNo !== paid.serialNo || finished.splitAmount !== total) fail(`finish answered ${JSON.stringify(finished)}`);
  step(`splitting finished: the ${AMOUNT - total} fen left are released to the merchant`);

  const after = await call(demo, 'POST', splitsPath, { splitNo: `${orderNo}-S2`, receivers: [{ ...lines[0]!, amount: 10 }], finish: false });
  const error = after.body.error as { code?: string } | undefined;
  if (after.status !== 409 || error?.code !== 'SPLIT_FINISHED') fail(`a split after finish should be 409 SPLIT_FINISHED, got ${after.status}: ${JSON.stringify(after.body)}`);
  step('a split after finish is refused: 409 SPLIT_FINISHED');
}
