import { db } from '@/server/db/client';
import type { Payment, PaymentChannel } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { pluginFor } from '@/server/gateway/registry';
import type { ChannelAccount, SplitCapability } from '@/server/gateway/types';

export type SupportedSplits = Extract<SplitCapability, { kind: 'SUPPORTED' }>;

/** The channel's split operations, when its plugin has them and the payment channel has splitting enabled; else 422 SPLIT_NOT_SUPPORTED. */
export function splitsOf(channel: Pick<PaymentChannel, 'id' | 'channel' | 'splitEnabled'>): SupportedSplits {
  const { splits } = pluginFor(channel.channel);
  if (splits.kind !== 'SUPPORTED') throw new AppError('SPLIT_NOT_SUPPORTED', `${channel.channel} has no splitting.`, { paymentId: channel.id });
  if (!channel.splitEnabled) throw new AppError('SPLIT_NOT_SUPPORTED', 'Splitting is not enabled for this payment ID.', { paymentId: channel.id });
  return splits;
}

/** The split operations and opened account of a payment's channel. */
export async function splitChannelOf(payment: Pick<Payment, 'serialNo' | 'paymentChannelId'>): Promise<{ splits: SupportedSplits; account: ChannelAccount; channel: PaymentChannel }> {
  if (!payment.paymentChannelId) throw new AppError('SPLIT_NOT_ALLOWED', 'No channel was chosen for this payment.', { serialNo: payment.serialNo });
  const channel = await db().paymentChannel.findUniqueOrThrow({ where: { id: payment.paymentChannelId } });
  const splits = splitsOf(channel);
  return { splits, account: await loadChannelAccount(channel.id), channel };
}

/** The channel's trade number a split names (WeChat Pay transaction_id, Alipay trade_no): a paid attempt always has one. */
export function splitTradeNo(payment: Pick<Payment, 'serialNo' | 'channelTradeNo'>): string {
  if (!payment.channelTradeNo) throw new AppError('SPLIT_NOT_ALLOWED', 'The channel has not reported this payment paid.', { serialNo: payment.serialNo });
  return payment.channelTradeNo;
}
