// The API's types, named: all from api-types.ts, which is generated from the OpenAPI document.
import type { components, operations } from './api-types.ts';

type Schemas = components['schemas'];

export type Payment = Schemas['Payment'];
export type Action = Schemas['Action'];
export type Order = Schemas['Order'];
export type Refund = Schemas['Refund'];
export type Split = Schemas['Split'];
export type Statement = Schemas['Statement'];
export type StatementItem = Schemas['StatementItem'];
export type FeedEvent = Schemas['FeedEvent'];
export type ErrorCode = Schemas['ErrorCode'];
export type ErrorBody = Schemas['Error'];

export type CreatePaymentRequest = Schemas['CreatePaymentRequest'];
export type CreateRefundRequest = Schemas['CreateRefundRequest'];
export type CreateSplitRequest = Schemas['CreateSplitRequest'];

export type PaymentAnswer = Schemas['PaymentAnswer'];
export type CreatedPaymentAnswer = Schemas['CreatedPaymentAnswer'];
export type OrderAnswer = Schemas['OrderAnswer'];
export type RefundAnswer = Schemas['RefundAnswer'];
export type SplitAnswer = Schemas['SplitAnswer'];
export type EventFeed = Schemas['EventFeed'];

/** The event types the center announces today. */
export type EventType = Schemas['Event']['type'];

/** The body of a webhook. More types may be added: ignore the ones you do not know. */
export type WebhookEvent = Omit<Schemas['Event'], 'type'> & { type: EventType | (string & {}) };

/** An operation's query parameters by their documented names; values are sent as strings. */
export type QueryOf<Operation extends keyof operations> = {
  [Name in keyof NonNullable<operations[Operation]['parameters']['query']>]?: string | number | boolean;
};
