import type { ChannelAccount } from '@/server/gateway/types';

/**
 * Always null: epay (易支付 V1) has no bill or statement download of any kind. Reconciliation of
 * EasyPay payments queries each order through api.php?act=order instead.
 */
export async function downloadBill(_input: { account: ChannelAccount; date: string }): Promise<null> {
  return null;
}
