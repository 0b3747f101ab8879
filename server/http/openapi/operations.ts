// Every app API operation: its path, the zod schemas its route validates the request with and
// answers in, and the error codes it can answer beyond the ones every request can.
import { z } from 'zod';
import { createdPaymentAnswer, orderAnswer, paymentAnswer, refundAnswer, splitAnswer } from '@/server/contract/answers';
import { eventFeed, eventFeedQuery } from '@/server/contract/event';
import { paymentLookupQuery, paymentQuery } from '@/server/contract/payment-queries';
import { createRefundRequest } from '@/server/contract/refund';
import { createSplitRequest } from '@/server/contract/split';
import { statementObject } from '@/server/contract/statement';
import { initiatePaymentInput } from '@/server/core/payments/initiate-payment-input';
import type { ErrorCode } from '@/server/errors/error-codes';
import { statementQuery } from '@/server/finance/statements/statement-query';

export interface Operation {
  method: 'get' | 'post';
  /** The OpenAPI path template, `{name}` for a path parameter. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: 'Payments' | 'Refunds' | 'Splits' | 'Events' | 'Statements' | 'Sandbox' | 'Document';
  /** Answered without a signature. */
  public?: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Answer schemas by status. */
  answers: Partial<Record<200 | 201, z.ZodType>>;
  errors: ErrorCode[];
  /**
   * Safe to send again after a lost answer: a GET, or a POST whose key (orderNo, refundNo, splitNo,
   * the serial) makes the repeat answer the first one's result (api-contract.md).
   */
  idempotent: boolean;
  /** Also answers `Accept: text/csv` (statements). */
  csv?: boolean;
}

const PAYMENT = '/api/v1/payments/{serialNo}';

export const OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/payments',
    operationId: 'createPayment',
    summary: 'Initiate a payment',
    description:
      'Creates an attempt and sends it to the channel. 201 for a new attempt; 200 when the same request comes again (same order, channel and method, still live): the existing attempt, nothing sent twice. The answer says only whether the request reached the channel, never the final result. A new attempt for the same order (another channel or method) is accepted 15 s after the previous one started; the previous live attempt is closed first.',
    tag: 'Payments',
    body: initiatePaymentInput,
    answers: { 201: createdPaymentAnswer, 200: createdPaymentAnswer },
    errors: ['MERCHANT_NOT_GRANTED', 'NOT_FOUND', 'ORDER_CONFLICT', 'ORDER_ALREADY_PAID', 'ORDER_CLOSED', 'CONFLICT', 'METHOD_NOT_SUPPORTED', 'MERCHANT_DISABLED', 'SPLIT_NOT_SUPPORTED', 'ATTEMPT_TOO_FREQUENT', 'CHANNEL_ERROR'],
    idempotent: true,
  },
  {
    method: 'get',
    path: '/api/v1/payments',
    operationId: 'lookUpPayments',
    summary: 'Look up an order (merchantId and orderNo) or a payment (channelTradeNo)',
    description: 'With merchantId and orderNo: `{ order, payments }`. With channelTradeNo alone: `{ payment }`. Another app’s payment is 404.',
    tag: 'Payments',
    query: paymentLookupQuery,
    answers: { 200: orderAnswer.or(paymentAnswer) },
    errors: ['MERCHANT_NOT_GRANTED', 'NOT_FOUND', 'CHANNEL_ERROR'],
    idempotent: true,
  },
  {
    method: 'get',
    path: PAYMENT,
    operationId: 'getPayment',
    summary: 'Get a payment attempt',
    description: 'Another app’s payment is 404, never 403.',
    tag: 'Payments',
    query: paymentQuery,
    answers: { 200: paymentAnswer },
    errors: ['NOT_FOUND', 'CHANNEL_ERROR'],
    idempotent: true,
  },
  {
    method: 'post',
    path: `${PAYMENT}/close`,
    operationId: 'closePayment',
    summary: 'Close a pending attempt',
    description: 'Closes a PENDING attempt at the channel and locally. Idempotent.',
    tag: 'Payments',
    answers: { 200: paymentAnswer },
    errors: ['NOT_FOUND', 'ORDER_ALREADY_PAID', 'CONFLICT', 'CHANNEL_ERROR'],
    idempotent: true,
  },
  {
    method: 'post',
    path: `${PAYMENT}/refunds`,
    operationId: 'createRefund',
    summary: 'Refund a succeeded attempt',
    description:
      '201 a new refund; 200 the same refund when refundNo repeats with the same amount. The refunds that are not FAILED plus this one never exceed the paid amount, under any concurrency.',
    tag: 'Refunds',
    body: createRefundRequest,
    answers: { 201: refundAnswer, 200: refundAnswer },
    errors: ['NOT_FOUND', 'CONFLICT', 'REFUND_CONFLICT', 'REFUND_AMOUNT_EXCEEDED', 'CHANNEL_ERROR'],
    idempotent: true,
  },
  {
    method: 'get',
    path: '/api/v1/refunds/{refundSerialNo}',
    operationId: 'getRefund',
    summary: 'Get a refund',
    tag: 'Refunds',
    answers: { 200: refundAnswer },
    errors: ['NOT_FOUND'],
    idempotent: true,
  },
  {
    method: 'post',
    path: `${PAYMENT}/splits`,
    operationId: 'createSplit',
    summary: 'Split a payment among receivers (v1.1)',
    description:
      '201 a new split; 200 the same split when splitNo repeats with the same content. Only for a SUCCEEDED attempt created with profitSharing, before splitting is finished. The splits that are not FAILED plus this one are at most floor(amount × maxSplitRatio) and amount − refundedAmount.',
    tag: 'Splits',
    body: createSplitRequest,
    answers: { 201: splitAnswer, 200: splitAnswer },
    errors: ['NOT_FOUND', 'SPLIT_NOT_ALLOWED', 'SPLIT_FINISHED', 'SPLIT_CONFLICT', 'SPLIT_NOT_SUPPORTED', 'SPLIT_AMOUNT_EXCEEDED', 'CHANNEL_ERROR'],
    idempotent: true,
  },
  {
    method: 'post',
    path: `${PAYMENT}/splits/finish`,
    operationId: 'finishSplits',
    summary: 'Release the held rest to the merchant (v1.1)',
    description: 'Idempotent; answers the payment.',
    tag: 'Splits',
    answers: { 200: paymentAnswer },
    errors: ['NOT_FOUND', 'SPLIT_NOT_ALLOWED', 'SPLIT_NOT_SUPPORTED', 'CHANNEL_ERROR'],
    idempotent: true,
  },
  {
    method: 'get',
    path: '/api/v1/splits/{splitSerialNo}',
    operationId: 'getSplit',
    summary: 'Get a split (v1.1)',
    tag: 'Splits',
    answers: { 200: splitAnswer },
    errors: ['NOT_FOUND'],
    idempotent: true,
  },
  {
    method: 'get',
    path: '/api/v1/events',
    operationId: 'listEvents',
    summary: 'The app’s change feed',
    description: 'Events in commit order, each with a monotonically increasing cursor; poll with nextCursor as `after`.',
    tag: 'Events',
    query: eventFeedQuery,
    answers: { 200: eventFeed },
    errors: [],
    idempotent: true,
  },
  {
    method: 'get',
    path: '/api/v1/statements',
    operationId: 'getStatement',
    summary: 'The app’s money movements of one merchant on one day (v1.1)',
    description:
      'A day is an Asia/Shanghai calendar day; a payment counts on the day it succeeded, a refund on the day it succeeded. `totals` always cover the whole day. With `Accept: text/csv` the answer is the whole day’s items as CSV (UTF-8 with a BOM, a header row), streamed.',
    tag: 'Statements',
    query: statementQuery,
    answers: { 200: statementObject },
    errors: ['MERCHANT_NOT_GRANTED'],
    idempotent: true,
    csv: true,
  },
  {
    method: 'post',
    path: '/api/v1/sandbox/payments/{serialNo}/pay',
    operationId: 'sandboxPay',
    summary: 'Sandbox: the simulated user pays',
    description: 'The simulator marks the trade paid and sends the center the channel’s signed notification. 404 for live payments and when sandbox mode is off.',
    tag: 'Sandbox',
    answers: { 200: paymentAnswer },
    errors: ['NOT_FOUND', 'CONFLICT', 'METHOD_NOT_SUPPORTED'],
    idempotent: false,
  },
  {
    method: 'post',
    path: '/api/v1/sandbox/payments/{serialNo}/fail',
    operationId: 'sandboxFail',
    summary: 'Sandbox: the simulated user’s payment fails',
    description: '404 for live payments and when sandbox mode is off.',
    tag: 'Sandbox',
    answers: { 200: paymentAnswer },
    errors: ['NOT_FOUND', 'CONFLICT', 'METHOD_NOT_SUPPORTED'],
    idempotent: false,
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    description: 'Public (no signature) and cacheable: it holds no secret and nothing about any app’s data.',
    tag: 'Document',
    public: true,
    answers: { 200: z.record(z.string(), z.unknown()).meta({ description: 'The OpenAPI 3.1 document.' }) },
    errors: [],
    idempotent: true,
  },
];
