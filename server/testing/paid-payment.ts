// For integration tests: a tenant with a sandbox Alipay channel and a granted app, the Alipay simulator
// served on the center's base URL (PAYCENTER_BASE_URL, a free port per test file), and payments made
// and paid through the real plugin and simulator, recorded as the center records a SUCCEEDED attempt.
// The simulator must be listening there: start channelSimulators() (which can also inject faults), or
// startAppServer() with a route for NOTIFY_SINK_PATH.
import { GET as alipayGateway } from '@/app/sandbox/alipay/gateway.do/route';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { newSerialNo } from '@/server/core/serial-numbers';
import { db } from '@/server/db/client';
import type { Order, Payment } from '@/server/db/generated/client';
import { alipayPlugin } from '@/server/gateway/channels/alipay';
import { parseFormParams } from '@/server/gateway/form-params';
import { parseRequest } from '@/server/gateway/request-parser';
import { newId } from '@/server/lib/ids';
import { payAlipayTrade } from '@/server/sandbox/alipay';
import { serveWebHandler } from './node-http-bridge';
import { paymentsTenant, type PaymentsTenant } from './payments-api';

export interface ChannelSimulators {
  /** DOWN: gateway calls never arrive. ANSWER_LOST: they are carried out, but the answer is lost. */
  gatewayFault: 'DOWN' | 'ANSWER_LOST' | null;
  /** Every OpenAPI call the simulator received (method and biz_content), in order. */
  gatewayCalls: Array<{ method: string; bizContent: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** Where the simulator sends these payments' notifies (the center's own notify route is not under test here). */
export const NOTIFY_SINK_PATH = '/test/alipay-notify';

let running: Promise<ChannelSimulators> | undefined;

async function recordCall(request: Request, calls: ChannelSimulators['gatewayCalls']): Promise<void> {
  const query = parseFormParams(new URL(request.url).search.slice(1));
  const body = request.method === 'POST' ? parseFormParams(await request.clone().text()) : {};
  const method = query.method ?? body.method ?? '';
  const bizContent = body.biz_content ?? query.biz_content;
  calls.push({ method, bizContent: bizContent ? (JSON.parse(bizContent) as Record<string, unknown>) : {} });
}

async function start(): Promise<ChannelSimulators> {
  const port = Number(new URL(process.env.PAYCENTER_BASE_URL!).port);
  const simulators: ChannelSimulators = { gatewayFault: null, gatewayCalls: [], close: async () => {} };
  const lost = () => new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
  const server = await serveWebHandler(
    async (request) => {
      const path = new URL(request.url).pathname;
      if (path === NOTIFY_SINK_PATH) return new Response('success');
      if (path !== '/sandbox/alipay/gateway.do') return new Response('Not Found', { status: 404 });
      await recordCall(request, simulators.gatewayCalls);
      if (simulators.gatewayFault === 'DOWN') return lost();
      const answer = await alipayGateway(request);
      return simulators.gatewayFault === 'ANSWER_LOST' ? lost() : answer;
    },
    { port },
  );
  simulators.close = async () => {
    running = undefined;
    await server.close();
  };
  return simulators;
}

/** The simulators of this test file, started on first use; close them in afterAll. */
export function channelSimulators(): Promise<ChannelSimulators> {
  running ??= start();
  return running;
}

/** A tenant with a sandbox Alipay channel and a granted app, its API client on this file's base URL. */
export function alipayTenant(): Promise<PaymentsTenant> {
  return paymentsTenant({ baseUrl: process.env.PAYCENTER_BASE_URL! });
}

export interface PaidPayment {
  tenant: PaymentsTenant;
  order: Order;
  payment: Payment;
}

/**
 * A PC payment created at the simulator through the real plugin, opened (as the browser follows the
 * redirect) and, unless `paid: false`, paid by the simulated buyer; recorded as the center's Order
 * and Payment (SUCCEEDED, channelTradeNo = Alipay's trade_no), or PENDING when not paid.
 */
export async function paidAlipayPayment(options: { amount: number; tenant?: PaymentsTenant; paid?: boolean }): Promise<PaidPayment> {
  // A fault a test injected is for its refunds, not for making the payment.
  const simulators = running ? await running : null;
  const fault = simulators?.gatewayFault ?? null;
  if (simulators) simulators.gatewayFault = null;
  try {
    const tenant = options.tenant ?? (await alipayTenant());
    const serialNo = newSerialNo('P');
    const expiresAt = new Date(Date.now() + 15 * 60_000);
    const subject = '物业费 2026-12';
    const created = await alipayPlugin.createPayment({
      account: await loadChannelAccount(tenant.paymentId),
      execution: parseRequest({ channel: 'ALIPAY', invokeMethod: 'PC', enabled: ['PC'] }),
      serialNo,
      amount: options.amount,
      subject,
      expiresAt,
      notifyUrl: `${process.env.PAYCENTER_BASE_URL}${NOTIFY_SINK_PATH}`,
    });
    if (created.action.type !== 'REDIRECT') throw new Error(`expected a REDIRECT action, got ${created.action.type}`);
    const opened = await fetch(created.action.url, { redirect: 'manual' });
    if (opened.status !== 302 && opened.status !== 303) throw new Error(`opening the Alipay page answered ${opened.status}`);
    const paid = options.paid === false ? null : await payAlipayTrade({ appId: tenant.alipayAppId, outTradeNo: serialNo });
    const now = new Date();

    const order = await db().order.create({
      data: {
        id: newId('ord'),
        appId: tenant.app.id,
        merchantId: tenant.merchantId,
        companyId: tenant.companyId,
        orderNo: `ORDER-${serialNo.slice(-8)}`,
        amount: options.amount,
        subject,
        status: paid ? 'PAID' : 'OPEN',
        paidSerialNo: paid ? serialNo : null,
        lastAttemptAt: now,
      },
    });
    const payment = await db().payment.create({
      data: {
        serialNo,
        orderId: order.id,
        appId: tenant.app.id,
        merchantId: tenant.merchantId,
        companyId: tenant.companyId,
        paymentChannelId: tenant.paymentId,
        channel: 'ALIPAY',
        invokeMethod: 'PC',
        executionMethod: 'alipay.trade.page.pay',
        amount: options.amount,
        subject,
        status: paid ? 'SUCCEEDED' : 'PENDING',
        channelTradeNo: paid?.trade.tradeNo ?? null,
        livemode: false,
        metadata: {},
        requestHash: `fixture-${serialNo}`,
        expiresAt,
        paidAt: paid ? now : null,
      },
    });
    return { tenant, order, payment };
  } finally {
    if (simulators) simulators.gatewayFault = fault;
  }
}
