import type { AppAction, ChannelAction } from '@/server/contract/action';
import { db } from '@/server/db/client';
import type { Payment } from '@/server/db/generated/client';
import type { Execution } from '@/server/gateway/request-parser';
import { logger } from '@/server/logging/logger';
import { applyPaymentState } from './apply-payment-state';
import { pluginFor } from '@/server/gateway/registry';
import type { ChannelAccount } from '@/server/gateway/types';
import { boundChannel, channelAppError } from './channel-call';
import { checkoutUrl, channelNotifyUrl } from './notify-url';

function appActionFor(execution: Execution, serialNo: string, channelAction: ChannelAction): AppAction {
  if (execution.action === 'CHECKOUT') return { type: 'CHECKOUT', url: checkoutUrl(serialNo) };
  if (channelAction.type === 'QR_CODE') return { ...channelAction, checkoutUrl: checkoutUrl(serialNo) };
  return channelAction;
}

/** An attempt the channel accepted, with the action stored on it. */
export interface SentAttempt {
  payment: Payment;
  /** What the app is answered. */
  action: AppAction;
  /** The channel's own action, which the hosted checkout shows. */
  channelAction: ChannelAction;
}

/**
 * Sends a recorded attempt to its channel, outside any transaction, and records the outcome. A
 * refusal marks the attempt FAILED (a retry makes a new attempt) and answers 502 CHANNEL_ERROR.
 * `account` is the attempt's channel account, as resolvePaymentChannel opened it just before.
 */
export async function sendAttempt(payment: Payment, execution: Execution, account: ChannelAccount): Promise<SentAttempt> {
  let stored: { app: AppAction; channel: ChannelAction };
  let channelTradeNo: string | null;
  try {
    const plugin = pluginFor(boundChannel(payment).channel);
    const created = await plugin.createPayment({
      account,
      execution,
      serialNo: payment.serialNo,
      amount: payment.amount,
      subject: payment.subject,
      expiresAt: payment.expiresAt,
      notifyUrl: channelNotifyUrl(account.channel, account.paymentId),
      returnUrl: payment.returnUrl,
      payer: (payment.payer ?? undefined) as { openId?: string; buyerId?: string; clientIp?: string } | undefined,
      profitSharing: payment.profitSharing,
    });
    stored = { app: appActionFor(execution, payment.serialNo, created.action), channel: created.action };
    channelTradeNo = created.channelTradeNo;
  } catch (error) {
    const appError = channelAppError(error, { serialNo: payment.serialNo });
    logger().warn({ serialNo: payment.serialNo, channel: payment.channel, details: appError.details }, 'channel refused a payment attempt');
    await applyPaymentState({
      serialNo: payment.serialNo,
      observed: { state: 'FAILED', channelTradeNo: null, amount: null, paidAt: null, failure: { code: String(appError.details?.channelCode), message: String(appError.details?.channelMessage) } },
    });
    throw appError;
  }
  const updated = await db().payment.update({
    where: { serialNo: payment.serialNo },
    data: { action: stored, ...(channelTradeNo ? { channelTradeNo } : {}) },
  });
  return { payment: updated, action: stored.app, channelAction: stored.channel };
}
