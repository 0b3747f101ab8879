import { z } from 'zod';
import type { Split, SplitLine } from '@/server/db/generated/client';
import { SplitStatus } from '@/server/db/generated/enums';
import { appReference, isoTime } from './fields';

/** The body of POST /api/v1/payments/{serialNo}/splits (v1.1). */
export const createSplitRequest = z.strictObject({
  splitNo: appReference.meta({ description: "The app's split number: the same splitNo with the same content answers the same split." }),
  receivers: z
    .array(
      z.strictObject({
        receiverId: z.string().min(1).max(64).meta({ description: 'A receiver registered on the payment channel (rcv_...).' }),
        amount: z.number().int().positive().max(100_000_000),
        // WeChat Pay takes at most 80 bytes of UTF-8.
        description: z
          .string()
          .min(1)
          .refine((text) => Buffer.byteLength(text) <= 80, { error: 'must be at most 80 bytes of UTF-8' })
          .meta({ description: 'At most 80 bytes of UTF-8.' }),
      }),
    )
    .min(1)
    .max(50),
  finish: z.boolean().default(false).meta({ description: 'Release what is left to the merchant after this split; no further split is allowed.' }),
});

/** The Split object of api-contract.md v1.1. */
export const splitObject = z.object({
  splitSerialNo: z.string(),
  splitNo: z.string(),
  serialNo: z.string(),
  status: z.enum(SplitStatus),
  finish: z.boolean(),
  receivers: z.array(
    z.object({ receiverId: z.string(), amount: z.number().int(), description: z.string(), status: z.enum(SplitStatus), failReason: z.string().nullable() }),
  ),
  createdAt: isoTime,
  finishedAt: isoTime.nullable(),
});

/** A type, so the outbox stores it as JSON uncast. */
export type SplitObject = z.infer<typeof splitObject>;

export type SplitWithLines = Split & { lines: SplitLine[] };

export function toSplitObject(split: SplitWithLines): SplitObject {
  return {
    splitSerialNo: split.splitSerialNo,
    splitNo: split.splitNo,
    serialNo: split.serialNo,
    status: split.status,
    finish: split.finish,
    receivers: [...split.lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({ receiverId: line.receiverId, amount: line.amount, description: line.description, status: line.status, failReason: line.failReason })),
    createdAt: split.createdAt.toISOString(),
    finishedAt: split.finishedAt?.toISOString() ?? null,
  };
}
