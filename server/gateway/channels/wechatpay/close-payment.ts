import type { ChannelAccount } from '@/server/gateway/types';
import { callWechatPay, requireSuccess, verifiedErrorCode } from './wechatpay-client';

/**
 * Closes an unpaid order (WeChat answers 204). An order WeChat never saw or already closed needs no
 * closing; a paid one cannot be closed and comes back as a ChannelError for the core to query.
 */
export async function closePayment(input: { account: ChannelAccount; serialNo: string }): Promise<{ raw: unknown }> {
  const answer = await callWechatPay(input.account, (client) => client.close(input.serialNo));
  const code = verifiedErrorCode(answer);
  if (code === 'ORDER_NOT_EXIST' || code === 'ORDER_CLOSED') return { raw: answer.data };
  requireSuccess(answer);
  return { raw: answer.data ?? null };
}
