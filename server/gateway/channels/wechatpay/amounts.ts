import { ChannelError } from '@/server/gateway/channel-error';

/** WeChat Pay's `total`/`refund` are int32 fen. */
export const WECHAT_MAX_FEN = 2_147_483_647;

/** Fen as WeChat takes it: a positive integer within int32, passed through unchanged (never scaled). */
export function wechatFen(fen: number): number {
  if (!Number.isSafeInteger(fen) || fen <= 0 || fen > WECHAT_MAX_FEN) {
    throw new ChannelError({ channelCode: 'INVALID_AMOUNT', channelMessage: `${fen} is not a WeChat Pay amount in fen (1..${WECHAT_MAX_FEN})`, retryable: false });
  }
  return fen;
}

/** An amount WeChat reported: an integer number of fen, else null (never guessed). */
export function reportedFen(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}
