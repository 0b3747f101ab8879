import { createHash } from 'node:crypto';
import { readStoredAction, type StoredAction } from '@/server/contract/action';
import { db, type Tx } from '@/server/db/client';
import type { Order, Payment, PaymentChannel, Prisma } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import type { Execution } from '@/server/gateway/request-parser';
import { newId } from '@/server/lib/ids';
import { metrics, paymentLabels } from '@/server/observability/metrics';
import { newSerialNo } from '../serial-numbers';
import type { InitiatePaymentInput } from './initiate-payment-input';
import { checkoutUrl } from './notify-url';
import { nextQueryAt } from './query-schedule';

/** At most one new attempt per order per 15 seconds (api-contract.md, "Repeated attempts"). */
export const ATTEMPT_INTERVAL_MS = 15_000;

/** The executionMethod of a CASHIER attempt until its payer chooses a channel. */
const CASHIER_EXECUTION = 'cashier';

export type OpenedAttempt =
  | { kind: 'EXISTING'; order: Order; payment: Payment; action: StoredAction }
  | { kind: 'NEW'; order: Order; payment: Payment; supersedes: Payment | null };

/** Where an attempt goes: a channel call, or null for a CASHIER payment whose payer chooses on the checkout. */
export type AttemptRoute = { channel: PaymentChannel; execution: Execution } | null;

/** What makes two requests "the same request": the same channel, method, payer and profit sharing. */
export function requestHash(route: AttemptRoute, input: Pick<InitiatePaymentInput, 'payer' | 'profitSharing'>): string {
  const key = route ? [route.channel.id, route.execution.invokeMethod, route.execution.method] : ['CASHIER'];
  key.push(input.payer?.openId ?? '', input.payer?.buyerId ?? '');
  // Only when asked, so the hashes of attempts made before splitting existed stay the same.
  if (input.profitSharing) key.push('profitSharing');
  return createHash('sha256').update(JSON.stringify(key)).digest('hex');
}

const isLive = (payment: Payment, now: Date) => payment.status === 'PENDING' && payment.expiresAt > now;

/**
 * An order that existed before this request, under its row lock: refused when it cannot take another
 * attempt (another amount, paid, closed, within 15 seconds of the last attempt), answered with the
 * live attempt of an identical request, or handed back with its live attempt (to be superseded).
 */
async function lockedOrderState(
  tx: Tx,
  options: { appId: string; input: InitiatePaymentInput; now: Date; route: AttemptRoute; hash: string },
): Promise<Extract<OpenedAttempt, { kind: 'EXISTING' }> | { kind: 'OPEN'; order: Order; live: Payment | null }> {
  const { appId, input, now, route, hash } = options;
  const [locked] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Order" WHERE "appId" = ${appId} AND "merchantId" = ${input.merchantId} AND "orderNo" = ${input.orderNo} FOR UPDATE`;
  const order = await tx.order.findUniqueOrThrow({ where: { id: locked!.id } });
  if (order.amount !== input.amount || order.currency !== input.currency) {
    throw new AppError('ORDER_CONFLICT', `Order ${input.orderNo} exists with amount ${order.amount} ${order.currency}.`, { fields: { amount: `must be ${order.amount}, as when the order was created` } });
  }
  if (order.status === 'PAID') throw new AppError('ORDER_ALREADY_PAID', undefined, { paidSerialNo: order.paidSerialNo });
  if (order.status === 'CLOSED') throw new AppError('ORDER_CLOSED');

  const attempts = await tx.payment.findMany({ where: { orderId: order.id }, orderBy: { createdAt: 'desc' } });
  if (attempts.some((attempt) => attempt.status === 'SUCCEEDED')) throw new AppError('ORDER_ALREADY_PAID');
  const live = attempts.find((attempt) => isLive(attempt, now)) ?? null;
  if (live && (route ? live.requestHash === hash : live.invokeMethod === 'CASHIER')) {
    // Not yet answered by the channel: another request of the app is sending it right now.
    const action = readStoredAction(live);
    if (!action) throw new AppError('CONFLICT', 'This payment is being initiated by another request; retry in a moment.', { serialNo: live.serialNo });
    return { kind: 'EXISTING', order, payment: live, action };
  }
  if (attempts.length > 0) {
    const waitMs = order.lastAttemptAt.getTime() + ATTEMPT_INTERVAL_MS - now.getTime();
    if (waitMs > 0) throw new AppError('ATTEMPT_TOO_FREQUENT', undefined, { retryAfterSeconds: Math.ceil(waitMs / 1000) });
  }
  return { kind: 'OPEN', order, live };
}

/**
 * Under the order's row lock: find or create the order, then either return the live attempt of an
 * identical request or record a new PENDING attempt (nothing is sent yet). The lock makes the
 * 15-second rule and "one live attempt per order" hold across server instances. A CASHIER attempt
 * (route null) has no channel yet: nothing to send or query; it carries its checkout action, and
 * any live CASHIER attempt of the order, chosen or not, answers an identical CASHIER request.
 */
export async function openAttempt(options: {
  appId: string;
  companyId: string;
  route: AttemptRoute;
  /** A CASHIER attempt's mode before its channel is chosen: false when the merchant offers only sandbox channels. */
  livemode?: boolean;
  input: InitiatePaymentInput;
  now: Date;
}): Promise<OpenedAttempt> {
  const { appId, companyId, route, input, now } = options;
  const hash = requestHash(route, input);
  const opened = await db().$transaction(async (tx): Promise<OpenedAttempt> => {
    const [created] = await tx.order.createManyAndReturn({
      data: [{ id: newId('ord'), appId, merchantId: input.merchantId, companyId, orderNo: input.orderNo, amount: input.amount, currency: input.currency, subject: input.subject, lastAttemptAt: now }],
      skipDuplicates: true,
    });
    // A new order (the common case) is locked by its insert and has no attempts yet: nothing to check.
    const state = created ? ({ kind: 'OPEN', order: created, live: null } as const) : await lockedOrderState(tx, { appId, input, now, route, hash });
    if (state.kind === 'EXISTING') return state;
    const { order, live } = state;

    const expiresAt = new Date(now.getTime() + input.expiresInSeconds * 1000);
    const serialNo = newSerialNo('P', now);
    const payment = await tx.payment.create({
      data: {
        serialNo,
        orderId: order.id,
        appId,
        merchantId: input.merchantId,
        companyId,
        paymentChannelId: route?.channel.id ?? null,
        channel: route?.channel.channel ?? null,
        // A channel chosen on the checkout keeps CASHIER: the app asked for the center's cashier.
        invokeMethod: input.invokeMethod,
        executionMethod: route?.execution.method ?? CASHIER_EXECUTION,
        amount: input.amount,
        currency: input.currency,
        subject: input.subject,
        livemode: route ? route.channel.mode === 'LIVE' : (options.livemode ?? true),
        metadata: (input.metadata ?? {}) as Prisma.InputJsonValue,
        notifyUrl: input.notifyUrl ?? null,
        returnUrl: input.returnUrl ?? null,
        payer: (input.payer ?? undefined) as Prisma.InputJsonValue | undefined,
        profitSharing: input.profitSharing ?? false,
        requestHash: hash,
        action: route ? undefined : { app: { type: 'CHECKOUT', url: checkoutUrl(serialNo) } },
        expiresAt,
        // Nothing to ask a channel about until the payer chooses one.
        nextQueryAt: route ? nextQueryAt({ createdAt: now, expiresAt, queriesDone: 0 }) : null,
        createdAt: now,
      },
    });
    const updated = created ? order : (await tx.order.update({ where: { id: order.id }, data: { lastAttemptAt: now } }));
    return { kind: 'NEW', order: updated, payment, supersedes: live };
  });
  if (opened.kind === 'NEW') metrics().paymentsCreated.inc(paymentLabels(opened.payment));
  return opened;
}
