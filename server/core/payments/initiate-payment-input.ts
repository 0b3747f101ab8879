import { z } from 'zod';
import { publicTargetRefinement } from '@/server/security/outbound-target';

const INVOKE_METHODS = ['PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR', 'CASHIER'] as const;
/** ¥1,000,000.00: above any property fee; keeps sums far inside Postgres integers. */
export const MAX_AMOUNT_FEN = 100_000_000;

const url = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(512, { error: 'must be at most 512 characters' });

const identifier = (max: number) =>
  z.string({ error: 'must be a string' }).min(1, { error: 'is required' }).max(max, { error: `must be at most ${max} characters` });

/** The body of POST /api/v1/payments (api-contract.md). Unknown fields are errors, named. */
export const initiatePaymentInput = z.strictObject({
  merchantId: identifier(64),
  paymentId: identifier(64).optional(),
  orderNo: identifier(64).regex(/^[0-9A-Za-z_\-]+$/, { error: 'may contain only letters, digits, _ and -' }),
  amount: z
    .number({ error: 'must be an integer number of fen' })
    .int({ error: 'must be an integer number of fen' })
    .positive({ error: 'must be at least 1 fen' })
    .max(MAX_AMOUNT_FEN, { error: `must be at most ${MAX_AMOUNT_FEN} fen` }),
  currency: z.literal('CNY', { error: 'must be "CNY"' }),
  subject: identifier(128),
  invokeMethod: z.enum(INVOKE_METHODS, { error: `must be one of ${INVOKE_METHODS.join(', ')}` }),
  returnUrl: url.optional(),
  // Literal addresses only: a DNS lookup per payment is too slow for this path; deliveries resolve and check every time.
  notifyUrl: url.refine(...publicTargetRefinement).optional(),
  expiresInSeconds: z
    .number({ error: 'must be an integer number of seconds' })
    .int({ error: 'must be an integer number of seconds' })
    .min(60, { error: 'must be at least 60' })
    .max(7 * 86_400, { error: 'must be at most 604800 (7 days)' })
    .default(900),
  payer: z
    .strictObject({
      openId: identifier(128).optional(),
      buyerId: identifier(128).optional(),
      clientIp: z.union([z.ipv4(), z.ipv6()], { error: 'must be an IP address' }).optional(),
    })
    .optional(),
  /** Hold the funds at the channel for splitting (v1.1). */
  profitSharing: z.boolean({ error: 'must be true or false' }).optional(),
  metadata: z
    .record(
      z.string().min(1).max(40, { error: 'keys must be at most 40 characters' }),
      z.string({ error: 'values must be strings' }).max(500, { error: 'values must be at most 500 characters' }),
    )
    .refine((value) => Object.keys(value).length <= 20, { error: 'must have at most 20 keys' })
    .optional(),
});

export type InitiatePaymentInput = z.infer<typeof initiatePaymentInput>;
