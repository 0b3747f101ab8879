import type { Channel, InvokeMethod } from '@/server/db/generated/client';

/**
 * The invoke methods each channel can serve (CASHIER is the center's own cashier, never a
 * channel's). PC on WeChat Pay is a NATIVE QR code on the hosted checkout; EasyPay has page and
 * API payment only.
 */
export const CHANNEL_INVOKE_METHODS: Record<Channel, readonly Exclude<InvokeMethod, 'CASHIER'>[]> = {
  ALIPAY: ['PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR'],
  WECHATPAY: ['PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR'],
  EASYPAY: ['PC', 'WAP', 'QR'],
};
