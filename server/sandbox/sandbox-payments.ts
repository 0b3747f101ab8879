// The sandbox test helpers of api-contract.md: the simulated user pays or fails an attempt at the
// simulated channel, which then sends the center its real signed notification.
import { env } from '@/server/config/env';
import { readStoredAction } from '@/server/contract/action';
import { toPaymentObject, type PaymentObject } from '@/server/contract/payment';
import { findAppPayment } from '@/server/core/payments/find-payments';
import { failPayment } from '@/server/core/payments/fail-payment';
import { syncPayment } from '@/server/core/payments/sync-payment';
import { db } from '@/server/db/client';
import type { Channel } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { simulatorEndpoint } from '@/server/gateway/endpoints';
import { alipaySandboxPayer } from './alipay-payer';
import { easypaySandboxPayer } from './easypay';
import { wechatpaySandboxPayer } from './wechatpay';
import type { SandboxPayer, SandboxPayOptions } from './sandbox-payer';

const NEVER_SENT = 'The payment was never sent to its channel.';
const SANDBOX_PAYER_FAILED = { code: 'PAYER_FAILED', message: 'The sandbox payer could not complete the payment.' };

const PAYERS: Partial<Record<Channel, SandboxPayer>> = { ALIPAY: alipaySandboxPayer, WECHATPAY: wechatpaySandboxPayer, EASYPAY: easypaySandboxPayer };

async function sandboxAttempt(appId: string, serialNo: string): Promise<{ payer: SandboxPayer; options: SandboxPayOptions }> {
  // Live payments and servers without sandbox mode have no such helper at all.
  if (!env().PAYCENTER_SANDBOX) throw new AppError('NOT_FOUND');
  const { payment } = await findAppPayment({ appId, serialNo });
  if (payment.livemode) throw new AppError('NOT_FOUND', 'No such sandbox payment.');
  const { channel, paymentChannelId } = payment;
  // A CASHIER payment whose payer has not chosen a channel yet is at no channel.
  if (!channel || !paymentChannelId) throw new AppError('CONFLICT', NEVER_SENT);
  const account = await db().sandboxAccount.findUnique({ where: { paymentChannelId } });
  if (!account) throw new AppError('NOT_FOUND', 'No such sandbox payment.');
  const payer = PAYERS[channel];
  if (!payer) throw new AppError('METHOD_NOT_SUPPORTED', `The ${channel} simulator is not available yet.`);
  const action = readStoredAction(payment)?.channel ?? null;
  const gatewayBase = simulatorEndpoint(channel, env().PAYCENTER_BASE_URL);
  return { payer, options: { accountId: account.accountId, serialNo: payment.serialNo, action, gatewayBase } };
}

async function current(appId: string, serialNo: string): Promise<PaymentObject> {
  const { payment, order } = await findAppPayment({ appId, serialNo });
  return toPaymentObject(payment, order);
}

export async function paySandboxPayment(options: { appId: string; serialNo: string }): Promise<PaymentObject> {
  const { payer, options: attempt } = await sandboxAttempt(options.appId, options.serialNo);
  if (!attempt.action) throw new AppError('CONFLICT', NEVER_SENT);
  await payer.pay(attempt);
  return current(options.appId, options.serialNo);
}

export async function failSandboxPayment(options: { appId: string; serialNo: string }): Promise<PaymentObject> {
  const { payer, options: attempt } = await sandboxAttempt(options.appId, options.serialNo);
  await payer.fail(attempt);
  // Where the channel notifies nobody, the center learns it as a merchant does, by its active query;
  // where even the query cannot tell (EasyPay), the simulated payer's word is all there is.
  if (payer.failureReported === 'QUERY') await syncPayment({ serialNo: attempt.serialNo });
  if (payer.failureReported === 'NEVER') await failPayment({ serialNo: attempt.serialNo, failure: SANDBOX_PAYER_FAILED });
  return current(options.appId, options.serialNo);
}
