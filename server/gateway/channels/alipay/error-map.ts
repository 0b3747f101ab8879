import { ChannelError } from '@/server/gateway/channel-error';

interface AlipayAnswer {
  code?: string;
  msg?: string;
  sub_code?: string;
  sub_msg?: string;
}

// Sub-codes that describe a passing state of Alipay rather than a wrong request (a settle answered
// ACQ.TRADE_SETTLE_ERROR may or may not have happened: Alipay says to repeat it unchanged).
const RETRYABLE_SUB_CODES = new Set(['ACQ.SYSTEM_ERROR', 'ACQ.TRADE_SETTLE_ERROR', 'ACQ.REFUND_FEE_ERROR', 'aop.ACQ.SYSTEM_ERROR', 'isp.unknow-error', 'ACQ.TRADE_NOT_EXIST_OR_LOCKED']);

/** Code 20000 (service unavailable) and Alipay's system-error sub-codes may pass; the rest will not. */
export function isRetryable(answer: AlipayAnswer): boolean {
  if (answer.code === '20000') return true;
  return !!answer.sub_code && RETRYABLE_SUB_CODES.has(answer.sub_code);
}

export function alipayError(answer: AlipayAnswer, raw: unknown): ChannelError {
  return new ChannelError({
    channelCode: answer.sub_code ?? answer.code ?? 'UNKNOWN',
    channelMessage: answer.sub_msg ?? answer.msg ?? 'Alipay answered without a message',
    retryable: isRetryable(answer),
    raw,
  });
}

/** Network failures, timeouts and unreadable answers: the request may or may not have arrived. */
export function transportError(error: unknown): ChannelError {
  const message = error instanceof Error ? error.message : String(error);
  const badSignature = message.includes('验签失败');
  return new ChannelError({
    channelCode: badSignature ? 'RESPONSE_SIGNATURE_INVALID' : 'ALIPAY_UNREACHABLE',
    channelMessage: badSignature ? 'The answer was not signed by a trusted Alipay key' : message.slice(0, 300),
    retryable: !badSignature,
    cause: error,
  });
}

/** A success answer without what it must carry: asking again will not help. */
export function invalidAnswer(channelMessage: string, raw: unknown): ChannelError {
  return new ChannelError({ channelCode: 'ALIPAY_BAD_ANSWER', channelMessage, retryable: false, raw });
}
