import { db } from '@/server/db/client';
import type { PaymentChannel } from '@/server/db/generated/client';
import { hasPlugin } from '@/server/gateway/registry';

export interface CheckoutChannel {
  channel: PaymentChannel;
  /** false for a channel whose plugin is not built yet: listed, but cannot be chosen. */
  available: boolean;
}

/**
 * The channels a CASHIER payment offers: the merchant's enabled payment IDs, one per channel (the
 * oldest, so the choice is stable), in the order Alipay, WeChat Pay, EasyPay.
 */
export async function checkoutChannels(merchantId: string): Promise<CheckoutChannel[]> {
  const rows = await db().paymentChannel.findMany({ where: { merchantId, status: 'ENABLED' }, orderBy: [{ channel: 'asc' }, { createdAt: 'asc' }] });
  const first = rows.filter((row, index) => rows.findIndex((other) => other.channel === row.channel) === index);
  return first.map((channel) => ({ channel, available: hasPlugin(channel.channel) }));
}
