import { z } from 'zod';
import { publicTargetRefinement } from '@/server/security/outbound-target';

const INVOKE_METHODS = ['PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR', 'CASHIER'] as const;
/** ¥1,000,000.00: above any property fee; keeps sums far inside Postgres integers. */
export const MAX_AMOUNT_FEN = 100_000_000;

/** Identifiers, the subject and URLs are one line: no control character, not even a line break (the URL parser would drop it). */
const ONE_LINE = { pattern: /^[^\u0000-\u001f]*$/, error: 'must not contain control characters' } as const;

const url = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(512, { error: 'must be at most 512 characters' })
  .regex(ONE_LINE.pattern, { error: ONE_LINE.error });

const identifier = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .min(1, { error: 'is required' })
    .max(max, { error: `must be at most ${max} characters` })
    .regex(ONE_LINE.pattern, { error: ONE_LINE.error });

const METADATA_ERROR = 'must be an object of string values';

/**
 * Validated as a Map, not a zod record: a record refuses an object holding the legitimate key
 * `constructor` and silently drops `__proto__`; here the one is kept, the other refused by name.
 */
const metadata = z
  .preprocess(
    (value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? new Map(Object.entries(value)) : value),
    z.map(
      z
        .string()
        .min(1, { error: 'keys must not be empty' })
        .max(40, { error: 'keys must be at most 40 characters' })
        .refine((key) => key !== '__proto__', { error: 'is a reserved key' }),
      z.string({ error: 'values must be strings' }).max(500, { error: 'values must be at most 500 characters' }),
      { error: METADATA_ERROR },
    ),
  )
  .refine((value) => value.size <= 20, { error: 'must have at most 20 keys' })
  .transform((value) => Object.fromEntries(value));

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
  metadata: metadata.optional(),
});

export type InitiatePaymentInput = z.infer<typeof initiatePaymentInput>;
