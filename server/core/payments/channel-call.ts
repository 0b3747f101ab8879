import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import type { Channel, Payment } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { ChannelError } from '@/server/gateway/channel-error';
import { pluginFor } from '@/server/gateway/registry';
import type { ChannelAccount, ChannelPlugin } from '@/server/gateway/types';

/** The channel of an attempt; a CASHIER attempt has none until the payer chooses one on the checkout. */
export function boundChannel(payment: Pick<Payment, 'serialNo' | 'channel' | 'paymentChannelId'>): { channel: Channel; paymentChannelId: string } {
  if (!payment.channel || !payment.paymentChannelId) throw new AppError('CONFLICT', 'No channel was chosen for this payment yet.', { serialNo: payment.serialNo });
  return { channel: payment.channel, paymentChannelId: payment.paymentChannelId };
}

/** The plugin and opened account of an attempt's payment channel. */
export async function channelOf(payment: Pick<Payment, 'serialNo' | 'channel' | 'paymentChannelId'>): Promise<{ plugin: ChannelPlugin; account: ChannelAccount }> {
  const { channel, paymentChannelId } = boundChannel(payment);
  return { plugin: pluginFor(channel), account: await loadChannelAccount(paymentChannelId) };
}

/** The contract's 502 for a channel that refused or could not be reached. */
export function channelAppError(error: unknown, details: Record<string, unknown> = {}): AppError {
  if (error instanceof ChannelError) {
    return new AppError('CHANNEL_ERROR', undefined, { ...details, channelCode: error.channelCode, channelMessage: error.channelMessage, retryable: error.retryable });
  }
  return new AppError('CHANNEL_ERROR', undefined, { ...details, channelCode: 'UNREACHABLE', channelMessage: 'The channel could not be reached.', retryable: true });
}
