import type { Channel } from '@/server/db/generated/client';
import { CALLBACK_ACKS } from '@/server/gateway/callback-acks';

const CHANNELS: Record<string, Channel> = { alipay: 'ALIPAY', wechatpay: 'WECHATPAY', easypay: 'EASYPAY' };

/** The channel a callback URL's `/api/channels/{name}/notify/…` segment names, or null. */
export function callbackChannel(name: string): Channel | null {
  return Object.hasOwn(CHANNELS, name) ? CHANNELS[name]! : null;
}

/** A request that cannot be a genuine callback, refused in the channel's own words (its retry answer), by default with a 400. */
export function callbackRefusal(channel: Channel, status = 400): Response {
  const refusal = CALLBACK_ACKS[channel](false);
  return new Response(refusal.body, { status, headers: { 'content-type': refusal.contentType, 'cache-control': 'no-store, no-transform' } });
}
