import type { SplitAccountType } from '@/server/db/generated/client';
import { ChannelError } from '@/server/gateway/channel-error';

/** The receiver account types WeChat Pay splits to. */
export const WECHAT_RECEIVER_TYPES = ['MERCHANT_ID', 'PERSONAL_OPENID'] as const;

type WechatReceiverType = (typeof WECHAT_RECEIVER_TYPES)[number];

/** A receiver's type as WeChat names it; one of another channel's types is refused, never sent. */
export function wechatReceiverType(type: SplitAccountType): WechatReceiverType {
  const found = WECHAT_RECEIVER_TYPES.find((wechat) => wechat === type);
  if (!found) throw new ChannelError({ channelCode: 'ACCOUNT_TYPE_NOT_SUPPORTED', channelMessage: `WeChat Pay splits to no ${type} account`, retryable: false });
  return found;
}
