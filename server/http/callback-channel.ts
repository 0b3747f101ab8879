import type { Channel } from '@/server/db/generated/client';

const CHANNELS: Record<string, Channel> = { alipay: 'ALIPAY', wechatpay: 'WECHATPAY', easypay: 'EASYPAY' };

/** The channel a callback URL's `/api/channels/{name}/notify/…` segment names, or null. */
export function callbackChannel(name: string): Channel | null {
  return Object.hasOwn(CHANNELS, name) ? CHANNELS[name]! : null;
}
