import { applyPaymentState, type AppliedPaymentState } from './apply-payment-state';

/**
 * A payment the payer could not complete, on a channel that never reports failures (EasyPay: epay
 * orders are only unpaid or paid). PENDING → FAILED with payment.failed, through the same conditional
 * transition a channel's own failure takes; an attempt no longer PENDING is left as it is, and a
 * verified success that still arrives later wins as it does after any failure.
 */
export function failPayment(options: { serialNo: string; failure: { code: string; message: string }; now?: Date }): Promise<AppliedPaymentState> {
  return applyPaymentState({
    serialNo: options.serialNo,
    observed: { state: 'FAILED', channelTradeNo: null, amount: null, paidAt: null, failure: options.failure },
    now: options.now,
  });
}
