import { z } from 'zod';
import type { Refund } from '@/server/db/generated/client';
import { RefundStatus } from '@/server/db/generated/enums';
import { appReference, isoTime } from './fields';

/** The body of POST /api/v1/payments/{serialNo}/refunds. */
export const createRefundRequest = z.strictObject({
  refundNo: appReference.meta({ description: "The app's refund number: the same refundNo with the same amount answers the same refund." }),
  amount: z.number().int().positive().max(100_000_000_00).meta({ description: 'Fen; with the other refunds that are not FAILED at most the paid amount.' }),
  reason: z.string().max(256).optional(),
});

/** The Refund object of api-contract.md. */
export const refundObject = z.object({
  refundSerialNo: z.string(),
  refundNo: z.string(),
  serialNo: z.string().meta({ description: 'The refunded payment attempt.' }),
  amount: z.number().int(),
  status: z.enum(RefundStatus),
  channelRefundNo: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: isoTime,
  succeededAt: isoTime.nullable(),
});

/** A type, so the outbox stores it as JSON uncast. */
export type RefundObject = z.infer<typeof refundObject>;

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
