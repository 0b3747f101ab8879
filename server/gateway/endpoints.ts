import type { Channel, ChannelMode } from '@/server/db/generated/client';
import type { ChannelCredentials } from './credentials/types';

/** The channels whose live API is one host for every merchant. */
const LIVE = {
  ALIPAY: 'https://openapi.alipay.com',
  WECHATPAY: 'https://api.mch.weixin.qq.com',
} as const satisfies Partial<Record<Channel, string>>;

/** The built-in simulator of a channel (sandbox mode). */
export function simulatorEndpoint(channel: Channel, baseUrl: string): string {
  return `${baseUrl}/sandbox/${channel.toLowerCase()}`;
}

/** The API base of one payment channel. */
export function accountEndpoint(credentials: ChannelCredentials, mode: ChannelMode, baseUrl: string): string {
  // EasyPay gateways differ per acquirer: the URL is part of each channel's credentials (a sandbox one names the simulator).
  if (credentials.channel === 'EASYPAY') return credentials.gatewayUrl;
  return mode === 'SANDBOX' ? simulatorEndpoint(credentials.channel, baseUrl) : LIVE[credentials.channel];
}

/** WeChat's web authorization of official accounts: the page the payer's WeChat opens, and the API that exchanges its code. */
export function wechatWebAuthEndpoints(mode: ChannelMode, baseUrl: string): { authorize: string; api: string } {
  if (mode === 'SANDBOX') return { authorize: simulatorEndpoint('WECHATPAY', baseUrl), api: simulatorEndpoint('WECHATPAY', baseUrl) };
  return { authorize: 'https://open.weixin.qq.com', api: 'https://api.weixin.qq.com' };
}

/** Alipay's web authorization page (openauth); its code is exchanged through the account's gateway. */
export function alipayAuthorizeEndpoint(mode: ChannelMode, baseUrl: string): string {
  return mode === 'SANDBOX' ? simulatorEndpoint('ALIPAY', baseUrl) : 'https://openauth.alipay.com';
}
