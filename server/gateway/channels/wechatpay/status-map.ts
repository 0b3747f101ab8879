import type { ChannelPaymentState, ChannelRefundState } from '@/server/gateway/types';

/**
 * WeChat Pay trade_state → our view; unknown → PENDING, never success.
 * - REFUND: the trade was paid (and later refunded), so the payment itself succeeded.
 * - REVOKED: the order was revoked before payment (final, can no longer be paid) → CLOSED.
 * - PAYERROR: the payment failed (bank refusal, insufficient balance...) → FAILED, so the app learns it
 *   (payment.failed) and can offer another way to pay. WeChat does not promise the trade is final: the
 *   payer may retry it, and a later success is still applied (FAILED → SUCCEEDED, like CLOSED's).
 */
export function mapTradeState(state: unknown): ChannelPaymentState {
  switch (state) {
    case 'SUCCESS':
    case 'REFUND':
      return 'SUCCEEDED';
    case 'CLOSED':
    case 'REVOKED':
      return 'CLOSED';
    case 'PAYERROR':
      return 'FAILED';
    case 'NOTPAY':
    case 'USERPAYING':
      return 'PENDING';
    default:
      return 'PENDING';
  }
}

/**
 * WeChat Pay refund status → our view; unknown → PROCESSING, never success.
 * - CLOSED: the refund was closed without paying out (final) → FAILED, the amount is freed.
 * - ABNORMAL: the payout bounced (closed card...); the merchant can still complete it by hand in
 *   the merchant platform, after which it turns SUCCESS. Freeing the amount (FAILED) could let the
 *   same money be refunded twice, so it stays PROCESSING (reserved) and the refund query keeps asking.
 */
export function mapRefundStatus(status: unknown): ChannelRefundState {
  switch (status) {
    case 'SUCCESS':
      return 'SUCCEEDED';
    case 'CLOSED':
      return 'FAILED';
    case 'PROCESSING':
    case 'ABNORMAL':
      return 'PROCESSING';
    default:
      return 'PROCESSING';
  }
}
