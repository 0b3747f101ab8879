/**
 * The one error a channel plugin throws: the channel's own code and message, and whether trying
 * again (the same request, later) may help. Services map it to CHANNEL_ERROR for apps.
 */
export class ChannelError extends Error {
  readonly channelCode: string;
  readonly channelMessage: string;
  readonly retryable: boolean;
  readonly raw?: unknown;

  constructor(options: { channelCode: string; channelMessage: string; retryable: boolean; raw?: unknown; cause?: unknown }) {
    super(`${options.channelCode}: ${options.channelMessage}`, { cause: options.cause });
    this.name = 'ChannelError';
    this.channelCode = options.channelCode;
    this.channelMessage = options.channelMessage;
    this.retryable = options.retryable;
    this.raw = options.raw;
  }
}

/** The channel has not published the day's bill yet: ask again later (the daily job retries). */
export const BILL_NOT_READY = 'BILL_NOT_READY';

export function billNotReady(channelMessage: string, raw?: unknown): ChannelError {
  return new ChannelError({ channelCode: BILL_NOT_READY, channelMessage, retryable: true, raw });
}
