import type { ChannelPaymentState } from '@/server/gateway/types';

/**
 * Alipay trade_status → our view. TRADE_CLOSED also follows a full refund of a paid trade; the core
 * never moves a SUCCEEDED attempt back, so mapping it to CLOSED is safe. Unknown → PENDING, never success.
 */
export function mapTradeStatus(status: string | undefined): ChannelPaymentState {
  switch (status) {
    case 'TRADE_SUCCESS':
    case 'TRADE_FINISHED':
      return 'SUCCEEDED';
    case 'TRADE_CLOSED':
      return 'CLOSED';
    case 'WAIT_BUYER_PAY':
      return 'PENDING';
    default:
      return 'PENDING';
  }
}
