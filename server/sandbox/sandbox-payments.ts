// The sandbox test helpers of api-contract.md: the simulated user pays or fails an attempt at the
// simulated channel, which then sends the center its real signed notification.
import { env } from '@/server/config/env';
import { boundChannel } from '@/server/core/payments/channel-call';
import { findAppPayment } from '@/server/core/payments/find-payments';
import { toPaymentObject, type PaymentObject } from '@/server/core/payments/payment-object';
import type { StoredAction } from '@/server/core/payments/send-attempt';
import { db } from '@/server/db/client';
import type { Payment } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { channelEndpoint } from '@/server/gateway/endpoints';
import { failAlipayTrade, payAlipayTrade } from './alipay';
import { openAlipayAction } from './open-alipay-action';

async function sandboxAttempt(appId: string, serialNo: string): Promise<{ payment: Payment; accountId: string }> {
  // Live payments and servers without sandbox mode have no such helper at all.
  if (!env().PAYCENTER_SANDBOX) throw new AppError('NOT_FOUND');
  const { payment } = await findAppPayment({ appId, serialNo });
  if (payment.livemode) throw new AppError('NOT_FOUND', 'No such sandbox payment.');
  const { channel, paymentChannelId } = boundChannel(payment);
  const account = await db().sandboxAccount.findUnique({ where: { paymentChannelId } });
  if (!account) throw new AppError('NOT_FOUND', 'No such sandbox payment.');
  if (channel !== 'ALIPAY') throw new AppError('METHOD_NOT_SUPPORTED', `The ${channel} simulator is not available yet.`);
  return { payment, accountId: account.accountId };
}

async function current(appId: string, serialNo: string): Promise<PaymentObject> {
  const { payment, order } = await findAppPayment({ appId, serialNo });
  return toPaymentObject(payment, order);
}

export async function paySandboxPayment(options: { appId: string; serialNo: string }): Promise<PaymentObject> {
  const { payment, accountId } = await sandboxAttempt(options.appId, options.serialNo);
  const action = payment.action as unknown as StoredAction | null;
  if (!action) throw new AppError('CONFLICT', 'The payment was never sent to its channel.');
  await openAlipayAction(action.channel, channelEndpoint('ALIPAY', 'SANDBOX', env().PAYCENTER_BASE_URL)!);
  await payAlipayTrade({ appId: accountId, outTradeNo: payment.serialNo });
  return current(options.appId, options.serialNo);
}

export async function failSandboxPayment(options: { appId: string; serialNo: string }): Promise<PaymentObject> {
  const { payment, accountId } = await sandboxAttempt(options.appId, options.serialNo);
  const action = payment.action as unknown as StoredAction | null;
  if (action) await openAlipayAction(action.channel, channelEndpoint('ALIPAY', 'SANDBOX', env().PAYCENTER_BASE_URL)!);
  await failAlipayTrade({ appId: accountId, outTradeNo: payment.serialNo });
  return current(options.appId, options.serialNo);
}
