import type { RouterOutputs } from '../router-outputs';

export type WebhookListItem = RouterOutputs['webhooks']['list']['items'][number];
export type WebhookDetail = RouterOutputs['webhooks']['get'];

export const WEBHOOK_STATUSES = ['PENDING', 'SUCCEEDED', 'EXHAUSTED'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export const EVENT_TYPES = ['payment.succeeded', 'payment.failed', 'payment.closed', 'refund.succeeded', 'refund.failed', 'split.succeeded', 'split.failed'] as const;
