import type { Refund } from '@/server/db/generated/client';

/** The Refund object of api-contract.md (a type, so the outbox stores it as JSON uncast). */
export type RefundObject = {
  refundSerialNo: string;
  refundNo: string;
  serialNo: string;
  amount: number;
  status: Refund['status'];
  channelRefundNo: string | null;
  reason: string | null;
  createdAt: string;
  succeededAt: string | null;
};

export function toRefundObject(refund: Refund): RefundObject {
  return {
    refundSerialNo: refund.refundSerialNo,
    refundNo: refund.refundNo,
    serialNo: refund.serialNo,
    amount: refund.amount,
    status: refund.status,
    channelRefundNo: refund.channelRefundNo,
    reason: refund.reason,
    createdAt: refund.createdAt.toISOString(),
    succeededAt: refund.succeededAt?.toISOString() ?? null,
  };
}
