import { createHash } from 'node:crypto';
import { db } from '@/server/db/client';
import type { Order, Payment, PaymentChannel, Prisma } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import type { Execution } from '@/server/gateway/request-parser';
import { newId } from '@/server/lib/ids';
import { newSerialNo } from '../serial-numbers';
import type { InitiatePaymentInput } from './initiate-payment-input';
import { nextQueryAt } from './query-schedule';

/** At most one new attempt per order per 15 seconds (api-contract.md, "Repeated attempts"). */
export const ATTEMPT_INTERVAL_MS = 15_000;

export type OpenedAttempt =
  | { kind: 'EXISTING'; order: Order; payment: Payment }
  | { kind: 'NEW'; order: Order; payment: Payment; supersedes: Payment | null };

/** What makes two requests "the same request": the same channel, method and payer. */
function requestHash(channel: PaymentChannel, execution: Execution, input: InitiatePaymentInput): string {
  const key = [channel.id, execution.invokeMethod, execution.method, input.payer?.openId ?? '', input.payer?.buyerId ?? ''];
  return createHash('sha256').update(JSON.stringify(key)).digest('hex');
}

const isLive = (payment: Payment, now: Date) => payment.status === 'PENDING' && payment.expiresAt > now;

/**
 * Under the order's row lock: find or create the order, then either return the live attempt of an
 * identical request or record a new PENDING attempt (nothing is sent yet). The lock makes the
 * 15-second rule and "one live attempt per order" hold across server instances.
 */
export async function openAttempt(options: {
  appId: string;
  companyId: string;
  channel: PaymentChannel;
  execution: Execution;
  input: InitiatePaymentInput;
  now: Date;
}): Promise<OpenedAttempt> {
  const { appId, companyId, channel, execution, input, now } = options;
  const hash = requestHash(channel, execution, input);
  return db().$transaction(async (tx) => {
    await tx.order.createMany({
      data: [{ id: newId('ord'), appId, merchantId: input.merchantId, companyId, orderNo: input.orderNo, amount: input.amount, currency: input.currency, subject: input.subject, lastAttemptAt: now }],
      skipDuplicates: true,
    });
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
    if (live && live.requestHash === hash) {
      // Not yet answered by the channel: another request of the app is sending it right now.
      if (!live.action) throw new AppError('CONFLICT', 'This payment is being initiated by another request; retry in a moment.', { serialNo: live.serialNo });
      return { kind: 'EXISTING', order, payment: live };
    }
    if (attempts.length > 0) {
      const waitMs = order.lastAttemptAt.getTime() + ATTEMPT_INTERVAL_MS - now.getTime();
      if (waitMs > 0) throw new AppError('ATTEMPT_TOO_FREQUENT', undefined, { retryAfterSeconds: Math.ceil(waitMs / 1000) });
    }

    const expiresAt = new Date(now.getTime() + input.expiresInSeconds * 1000);
    const payment = await tx.payment.create({
      data: {
        serialNo: newSerialNo('P', now),
        orderId: order.id,
        appId,
        merchantId: input.merchantId,
        companyId,
        paymentChannelId: channel.id,
        channel: channel.channel,
        invokeMethod: execution.invokeMethod,
        executionMethod: execution.method,
        amount: input.amount,
        currency: input.currency,
        subject: input.subject,
        livemode: channel.mode === 'LIVE',
        metadata: (input.metadata ?? {}) as Prisma.InputJsonValue,
        notifyUrl: input.notifyUrl ?? null,
        returnUrl: input.returnUrl ?? null,
        payer: (input.payer ?? undefined) as Prisma.InputJsonValue | undefined,
        requestHash: hash,
        expiresAt,
        nextQueryAt: nextQueryAt({ createdAt: now, expiresAt, queriesDone: 0 }),
        createdAt: now,
      },
    });
    const updated = await tx.order.update({ where: { id: order.id }, data: { lastAttemptAt: now } });
    return { kind: 'NEW', order: updated, payment, supersedes: live };
  });
}
