/** How an idempotent call is repeated after a failure that says nothing about its result. */
export interface RetryPolicy {
  /** Tries in all, the first included; 1 turns retrying off. */
  attempts: number;
  /** The first retry waits up to this long, each next one up to twice as long as the one before... */
  baseDelayMs: number;
  /** ...and never longer than this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 2_000 };

/**
 * Whether an answer may be asked for again: the center failed (500: a failed request leaves no
 * partial state, api-contract.md) or something between app and center did (a 502/503/504 without
 * the contract's CHANNEL_ERROR, which is a recorded, FAILED attempt: a new one waits 15 s).
 */
export function retryableStatus(status: number, code: string | undefined): boolean {
  if (status === 500 || status === 503 || status === 504) return true;
  return status === 502 && code !== 'CHANNEL_ERROR';
}

/** "Full jitter" exponential backoff, so that many clients failing at once do not come back at once. */
export function backoffMs(policy: RetryPolicy, retry: number, random = Math.random): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));
}
