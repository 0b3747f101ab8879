// The demo app's side of the API contract: its credentials from .data/demo.json, signed requests
// through the client package @paycenter/node (as a third-party app would sign them; never the
// server's code), and the way it reports a deviation from the contract.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PayCenterClient, type PayCenterAnswer } from '@paycenter/node';

export interface Demo {
  baseUrl: string;
  appId: string;
  appSecret: string;
  merchantId: string;
  paymentIds: Record<string, string | undefined>;
  /** The registered split receivers per channel (contract v1.1), when the demo tenant has them. */
  splitReceivers?: Record<string, string[] | undefined>;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export type Payment = { serialNo: string; orderNo: string; status: string; amount: number; channelTradeNo: string | null; refundedAmount: number; livemode: boolean; profitSharing?: boolean; splitAmount?: number };

/** What the contract says did not happen: the flow stops with this message. */
export class Deviation extends Error {}

export function fail(message: string): never {
  throw new Deviation(message);
}

export function step(message: string): void {
  console.log(`✓ ${message}`);
}

export async function loadDemo(): Promise<Demo> {
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

const clients = new WeakMap<Demo, PayCenterClient>();

/** The demo app's client: the published client package, as any Node app would use it. */
function clientOf(demo: Demo): PayCenterClient {
  let client = clients.get(demo);
  // Generous: under `npm run dev` the first request to a route waits for its compilation.
  if (!client) clients.set(demo, (client = new PayCenterClient({ baseUrl: demo.baseUrl, appId: demo.appId, secret: demo.appSecret, timeoutMs: 120_000 })));
  return client;
}

/** One signed request, whatever its answer's status: the flow checks the contract's statuses itself. */
export async function call(demo: Demo, method: 'GET' | 'POST', pathWithQuery: string, payload?: unknown): Promise<Answer> {
  let answer: PayCenterAnswer<unknown>;
  try {
    answer = await clientOf(demo).request(method, pathWithQuery, payload);
  } catch (error) {
    fail(`${method} ${pathWithQuery}: PayCenter at ${demo.baseUrl} cannot be reached (${(error as Error).message}); is \`npm run dev\` running?`);
  }
  if (typeof answer.body !== 'object' || answer.body === null) {
    fail(`${method} ${pathWithQuery}: HTTP ${answer.status} with a body that is not JSON: ${String(answer.body).slice(0, 200)}`);
  }
  return { status: answer.status, body: answer.body as Record<string, unknown> };
}

export async function expectStatus(demo: Demo, method: 'GET' | 'POST', pathWithQuery: string, expected: number, payload?: unknown): Promise<Record<string, unknown>> {
  const answer = await call(demo, method, pathWithQuery, payload);
  if (answer.status !== expected) fail(`${method} ${pathWithQuery}: expected HTTP ${expected}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export function paymentOf(body: Record<string, unknown>, where: string): Payment {
  const payment = body.payment as Payment | undefined;
  if (!payment?.serialNo) fail(`${where}: the answer has no payment: ${JSON.stringify(body)}`);
  return payment;
}

/**
 * Asks every route a flow goes through once, with requests that change nothing (unknown numbers, an
 * unknown channel, unsigned requests the simulators refuse), so that `npm run dev` compiles them before
 * anything is timed: the webhook bounds and the channel calls' timeouts then measure PayCenter and its
 * simulators, not the compiler.
 */
export async function warmRoutes(demo: Demo): Promise<void> {
  const unknown = 'P00000000000000000000000000000000';
  const ignored = () => undefined;
  await Promise.all([
    call(demo, 'GET', `/api/v1/payments/${unknown}`).catch(ignored),
    call(demo, 'POST', `/api/v1/sandbox/payments/${unknown}/pay`).catch(ignored),
    call(demo, 'GET', `/api/v1/refunds/R${unknown.slice(1)}`).catch(ignored),
    call(demo, 'POST', `/api/v1/payments/${unknown}/refunds`, {}).catch(ignored),
    call(demo, 'POST', `/api/v1/payments/${unknown}/splits`, {}).catch(ignored),
    call(demo, 'POST', `/api/v1/payments/${unknown}/splits/finish`).catch(ignored),
    call(demo, 'GET', `/api/v1/splits/S${unknown.slice(1)}`).catch(ignored),
    // The channels' callbacks all go to one route; an unknown channel is answered 404 before anything is stored.
    ...['/api/channels/warm-up/notify/none', '/sandbox/wechatpay/v3/certificates', '/sandbox/alipay/gateway.do', '/sandbox/easypay/submit.php', '/sandbox/easypay/mapi.php', '/sandbox/easypay/api.php'].map((route) =>
      fetch(new URL(route, demo.baseUrl), { signal: AbortSignal.timeout(120_000) }).catch(ignored),
    ),
  ]);
}
