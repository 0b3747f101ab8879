import type { TRPCError } from '@trpc/server';

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]['code'];

interface CodeSpec {
  status: number;
  trpc: TrpcCode;
  message: string;
}

/**
 * Every error code PayCenter answers with, its HTTP status and tRPC code. The app-facing codes
 * are those of shared/api-contract.md; their names and meanings are part of the contract.
 */
export const ERROR_CODES = {
  INVALID_REQUEST: { status: 400, trpc: 'BAD_REQUEST', message: 'The request is invalid.' },
  UNAUTHENTICATED: { status: 401, trpc: 'UNAUTHORIZED', message: 'Please sign in.' },
  INVALID_SIGNATURE: { status: 401, trpc: 'UNAUTHORIZED', message: 'The request signature is invalid.' },
  TIMESTAMP_OUT_OF_RANGE: { status: 401, trpc: 'UNAUTHORIZED', message: 'The request timestamp is too far from server time.' },
  REPLAYED_REQUEST: { status: 401, trpc: 'UNAUTHORIZED', message: 'This nonce was already used.' },
  APP_DISABLED: { status: 401, trpc: 'UNAUTHORIZED', message: 'The app is disabled.' },
  FORBIDDEN: { status: 403, trpc: 'FORBIDDEN', message: 'You are not allowed to do this.' },
  IP_NOT_ALLOWED: { status: 403, trpc: 'FORBIDDEN', message: 'Requests from this address are not allowed for the app.' },
  MERCHANT_NOT_GRANTED: { status: 403, trpc: 'FORBIDDEN', message: 'The app is not granted this merchant.' },
  NOT_FOUND: { status: 404, trpc: 'NOT_FOUND', message: 'Not found.' },
  METHOD_NOT_ALLOWED: { status: 405, trpc: 'METHOD_NOT_SUPPORTED', message: 'This route does not serve this HTTP method.' },
  CONFLICT: { status: 409, trpc: 'CONFLICT', message: 'The request conflicts with the current state.' },
  ORDER_CONFLICT: { status: 409, trpc: 'CONFLICT', message: 'An order with this number exists with different details.' },
  ORDER_ALREADY_PAID: { status: 409, trpc: 'CONFLICT', message: 'The order is already paid.' },
  ORDER_CLOSED: { status: 409, trpc: 'CONFLICT', message: 'The order is closed.' },
  REFUND_CONFLICT: { status: 409, trpc: 'CONFLICT', message: 'A refund with this number exists with a different amount.' },
  SPLIT_NOT_ALLOWED: { status: 409, trpc: 'CONFLICT', message: 'Only a SUCCEEDED payment made with profitSharing can be split.' },
  SPLIT_FINISHED: { status: 409, trpc: 'CONFLICT', message: 'Splitting of this payment is finished.' },
  SPLIT_CONFLICT: { status: 409, trpc: 'CONFLICT', message: 'A split with this number exists with different content.' },
  PAYLOAD_TOO_LARGE: { status: 413, trpc: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  METHOD_NOT_SUPPORTED: { status: 422, trpc: 'UNPROCESSABLE_CONTENT', message: 'This channel or invoke method is not enabled for the payment ID.' },
  MERCHANT_DISABLED: { status: 422, trpc: 'UNPROCESSABLE_CONTENT', message: 'The merchant or its property company is disabled.' },
  REFUND_AMOUNT_EXCEEDED: { status: 422, trpc: 'UNPROCESSABLE_CONTENT', message: 'The refund exceeds the refundable amount.' },
  SPLIT_NOT_SUPPORTED: { status: 422, trpc: 'UNPROCESSABLE_CONTENT', message: 'Splitting is not enabled for this payment channel.' },
  SPLIT_AMOUNT_EXCEEDED: { status: 422, trpc: 'UNPROCESSABLE_CONTENT', message: 'The split exceeds the splittable amount.' },
  LOGIN_THROTTLED: { status: 429, trpc: 'TOO_MANY_REQUESTS', message: 'Too many failed sign-ins; try again later.' },
  ATTEMPT_TOO_FREQUENT: { status: 429, trpc: 'TOO_MANY_REQUESTS', message: 'A new attempt for this order is not allowed yet.' },
  INTERNAL_ERROR: { status: 500, trpc: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side.' },
  CHANNEL_ERROR: { status: 502, trpc: 'BAD_GATEWAY', message: 'The payment channel rejected the request or could not be reached.' },
} as const satisfies Record<string, CodeSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;
