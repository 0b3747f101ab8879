import type { Payment } from '@/server/db/generated/client';
import { takeBackSplitMoney } from '../splits/return-split-money';
import { applyRefundState, type AppliedRefundState } from './apply-refund-state';

/**
 * Before a refund that needs money back from split receivers is sent: makes its returns (see
 * takeBackSplitMoney). Null when the refund can be sent; otherwise the refund as it stands: still
 * PROCESSING while a return's outcome is unknown, or FAILED with the refused return's reason — its
 * reservation released, the returns made before it recorded, the later ones never sent.
 */
export async function returnSplitMoneyFirst(options: {
  refundSerialNo: string;
  payment: Pick<Payment, 'serialNo' | 'channel' | 'paymentChannelId' | 'channelTradeNo'>;
  queryFirst: boolean;
  now?: Date;
}): Promise<AppliedRefundState | null> {
  const { refundSerialNo } = options;
  const now = options.now ?? new Date();
  const outcome = await takeBackSplitMoney({ ...options, now });
  if (outcome.kind === 'DONE') return null;
  if (outcome.kind === 'WAITING') return applyRefundState({ refundSerialNo, state: 'PROCESSING', now });
  const { splitReturn, failReason, channelReturnNo } = outcome;
  return applyRefundState({
    refundSerialNo,
    state: 'FAILED',
    failure: { code: 'SPLIT_RETURN_FAILED', message: `Taking ${splitReturn.amount} fen back from a receiver (return ${splitReturn.returnSerialNo}) failed: ${failReason}` },
    failedReturn: { returnSerialNo: splitReturn.returnSerialNo, failReason, channelReturnNo },
    now,
  });
}
