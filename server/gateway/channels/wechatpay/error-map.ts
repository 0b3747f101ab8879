import { ChannelError } from '@/server/gateway/channel-error';

/** Codes that describe a passing state of WeChat Pay rather than a wrong request. */
const RETRYABLE_CODES = new Set(['SYSTEM_ERROR', 'SYSTEMERROR', 'FREQUENCY_LIMITED', 'RATELIMIT_EXCEEDED', 'BANK_ERROR']);

export interface WechatErrorBody {
  code?: unknown;
  message?: unknown;
}

export function isRetryable(status: number, code: string | undefined): boolean {
  return status >= 500 || status === 429 || (code !== undefined && RETRYABLE_CODES.has(code));
}

/** WeChat's error answer `{code, message, detail}` (4xx/5xx) as a ChannelError; an unsigned one says so. */
export function wechatError(status: number, body: WechatErrorBody | undefined, raw: unknown, verified = true): ChannelError {
  const code = typeof body?.code === 'string' ? body.code : undefined;
  const message = typeof body?.message === 'string' ? body.message : `WeChat Pay answered HTTP ${status}`;
  return new ChannelError({
    channelCode: code ?? `HTTP_${status}`,
    channelMessage: verified ? message : `${message} (answer not signed by a trusted WeChat Pay key)`,
    retryable: isRetryable(status, code),
    raw,
  });
}

/** Network failures and timeouts: the request may or may not have arrived, so asking again may help. */
export function transportError(error: unknown): ChannelError {
  const message = error instanceof Error ? error.message : String(error);
  return new ChannelError({ channelCode: 'WECHATPAY_UNREACHABLE', channelMessage: message.slice(0, 300), retryable: true, cause: error });
}

export function invalidResponse(channelCode: string, channelMessage: string, raw?: unknown): ChannelError {
  return new ChannelError({ channelCode, channelMessage, retryable: false, raw });
}
