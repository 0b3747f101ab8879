// The bodies the app API answers with (api-contract.md): each object wrapped under its name.
import { z } from 'zod';
import type { ErrorCode } from '@/server/errors/error-codes';
import { actionObject } from './action';
import { orderObject } from './order';
import { paymentObject } from './payment';
import { refundObject } from './refund';
import { splitObject } from './split';

export const paymentAnswer = z.object({ payment: paymentObject });
export const createdPaymentAnswer = z.object({ payment: paymentObject, action: actionObject });
export const orderAnswer = z.object({ order: orderObject, payments: z.array(paymentObject).meta({ description: 'Every attempt of the order, oldest first.' }) });
export const refundAnswer = z.object({ refund: refundObject });
export const splitAnswer = z.object({ split: splitObject });

/**
 * The app-facing error codes (error-codes.ts has the dashboard's too): names and meanings are part
 * of the contract, so apps may switch on them.
 */
export const APP_ERROR_CODES = [
  'INVALID_REQUEST',
  'INVALID_SIGNATURE',
  'TIMESTAMP_OUT_OF_RANGE',
  'REPLAYED_REQUEST',
  'APP_DISABLED',
  'IP_NOT_ALLOWED',
  'MERCHANT_NOT_GRANTED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'ORDER_CONFLICT',
  'ORDER_ALREADY_PAID',
  'ORDER_CLOSED',
  'REFUND_CONFLICT',
  'SPLIT_NOT_ALLOWED',
  'SPLIT_FINISHED',
  'SPLIT_CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'METHOD_NOT_SUPPORTED',
  'MERCHANT_DISABLED',
  'REFUND_AMOUNT_EXCEEDED',
  'SPLIT_NOT_SUPPORTED',
  'SPLIT_AMOUNT_EXCEEDED',
  'ATTEMPT_TOO_FREQUENT',
  'INTERNAL_ERROR',
  'CHANNEL_ERROR',
] as const satisfies readonly ErrorCode[];

/** Every non-2xx answer. */
export const errorAnswer = z.object({
  error: z.object({
    code: z.enum(APP_ERROR_CODES).meta({ description: 'UPPER_SNAKE; new codes may be added.' }),
    message: z.string().meta({ description: 'Human readable; may change: switch on code.' }),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'INVALID_REQUEST: `fields` names each bad field; CHANNEL_ERROR: `channelCode`, `channelMessage`; REFUND_AMOUNT_EXCEEDED: `refundableAmount`; SPLIT_AMOUNT_EXCEEDED: `splittableAmount`; ATTEMPT_TOO_FREQUENT: `retryAfterSeconds`.' }),
  }),
});
