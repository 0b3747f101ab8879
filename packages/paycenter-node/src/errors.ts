import type { ErrorCode } from './types.ts';

/**
 * A non-2xx answer: `code` is the contract's error code (switch on it; `message` may change), or
 * UNKNOWN when the answer did not have the contract's error shape (a proxy's page, say).
 */
export class PayCenterError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'UNKNOWN',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(`${status} ${code}: ${message}`);
    this.name = 'PayCenterError';
  }
}
