import type { Channel, ChannelMode } from '@/server/db/generated/client';

const LIVE: Record<Channel, string | null> = {
  ALIPAY: 'https://openapi.alipay.com',
  WECHATPAY: 'https://api.mch.weixin.qq.com',
  // EasyPay gateways differ per acquirer: the URL is part of each channel's credentials.
  EASYPAY: null,
};

/** Where a channel's API lives: the real one for LIVE, PayCenter's simulator for SANDBOX. */
export function channelEndpoint(channel: Channel, mode: ChannelMode, baseUrl: string): string | null {
  return mode === 'SANDBOX' ? `${baseUrl}/sandbox/${channel.toLowerCase()}` : LIVE[channel];
}
