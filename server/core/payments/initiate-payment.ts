import { resolvePaymentChannel } from '@/server/backend/access/resolve-payment-channel';
import type { Payment } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { parseRequest } from '@/server/gateway/request-parser';
import { logger } from '@/server/logging/logger';
import { closePayment } from './close-payment';
import type { InitiatePaymentInput } from './initiate-payment-input';
import { openAttempt } from './open-attempt';
import { toPaymentObject, type PaymentObject } from './payment-object';
import { sendAttempt, type AppAction, type StoredAction } from './send-attempt';

export interface InitiatedPayment {
  /** false when an identical request found its live attempt (answered 200; nothing sent again). */
  created: boolean;
  payment: PaymentObject;
  action: AppAction;
}

/** Before the new attempt goes out, the previous live one is closed at its channel. */
async function closeSuperseded(previous: Payment, next: Payment): Promise<void> {
  try {
    await closePayment({ serialNo: previous.serialNo, reason: 'SUPERSEDED' });
  } catch (error) {
    if (error instanceof AppError && error.code === 'ORDER_ALREADY_PAID') {
      // Paid while the user switched: the new attempt must not be sent.
      await closePayment({ serialNo: next.serialNo, reason: 'SUPERSEDED' }).catch(() => undefined);
      throw error;
    }
    // The channel could not close it now; if it is paid later anyway, the duplicate is refunded.
    logger().warn({ err: error, serialNo: previous.serialNo, next: next.serialNo }, 'could not close the superseded attempt at its channel');
  }
}

/**
 * POST /api/v1/payments: resolves the merchant and payment IDs, asks the request parser, records
 * the attempt under the order's lock, then calls the channel outside any transaction.
 */
export async function initiatePayment(options: { app: { id: string }; input: InitiatePaymentInput; now?: Date }): Promise<InitiatedPayment> {
  const { app, input } = options;
  const now = options.now ?? new Date();
  if (input.invokeMethod === 'CASHIER') {
    throw new AppError('METHOD_NOT_SUPPORTED', 'CASHIER payments are not available yet; choose the invoke method.', { fields: { invokeMethod: 'CASHIER is not available yet' } });
  }
  if (!input.paymentId) throw AppError.invalidFields({ paymentId: 'is required unless invokeMethod is CASHIER' });
  const target = await resolvePaymentChannel({ app, merchantId: input.merchantId, paymentId: input.paymentId });
  const execution = parseRequest({
    channel: target.channel.channel,
    invokeMethod: input.invokeMethod,
    enabled: target.channel.invokeMethods,
    payerOpenId: input.payer?.openId,
    payerBuyerId: input.payer?.buyerId,
  });

  const opened = await openAttempt({ appId: app.id, companyId: target.company.id, channel: target.channel, execution, input, now });
  if (opened.kind === 'EXISTING') {
    const stored = opened.payment.action as unknown as StoredAction;
    return { created: false, payment: toPaymentObject(opened.payment, opened.order, now), action: stored.app };
  }
  if (opened.supersedes) await closeSuperseded(opened.supersedes, opened.payment);
  const sent = await sendAttempt(opened.payment, execution);
  return { created: true, payment: toPaymentObject(sent.payment, opened.order, now), action: sent.action };
}
