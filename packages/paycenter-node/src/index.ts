// @paycenter/node: PayCenter's API client for Node apps (ESM, typed from the OpenAPI document).
export { PayCenterClient, type PayCenterAnswer, type PayCenterClientOptions } from './client.ts';
export { PayCenterError } from './errors.ts';
export { DEFAULT_RETRY, type RetryPolicy } from './retry.ts';
export { canonicalRequest, hmacSha256Hex, signaturesMatch, signRequest, type RequestToSign } from './signature.ts';
export type * from './types.ts';
export { signWebhook, verifyWebhook, WebhookVerificationError } from './webhooks.ts';
