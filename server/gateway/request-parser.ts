import type { Channel, InvokeMethod } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { CHANNEL_INVOKE_METHODS } from '@/server/contract/invoke-methods';

/** What the channel is asked to do: the channel API (Alipay method, WeChat Pay endpoint, EasyPay script). */
export type ExecutionMethod =
  | 'alipay.trade.page.pay'
  | 'alipay.trade.wap.pay'
  | 'alipay.trade.app.pay'
  | 'alipay.trade.precreate'
  | 'alipay.trade.create'
  | 'wechatpay.native'
  | 'wechatpay.h5'
  | 'wechatpay.jsapi'
  | 'wechatpay.app'
  | 'easypay.submit'
  | 'easypay.mapi';

/** The action type of api-contract.md the app receives. */
export type ActionType = 'REDIRECT' | 'FORM' | 'CHECKOUT' | 'QR_CODE' | 'SDK_PARAMS';

export interface Execution {
  channel: Channel;
  invokeMethod: Exclude<InvokeMethod, 'CASHIER'>;
  method: ExecutionMethod;
  /** CHANNEL: the channel's own checkout page; HOSTED: PayCenter's checkout page shows a QR code. */
  checkout: 'CHANNEL' | 'HOSTED' | 'CLIENT';
  action: ActionType;
}

export interface ParseRequest {
  channel: Channel;
  invokeMethod: InvokeMethod;
  /** The methods enabled on the payment ID. */
  enabled: readonly InvokeMethod[];
  /** WeChat's in-app browser pays by JSAPI (needs the payer's openId) rather than H5. */
  payerOpenId?: string | null;
  /** Alipay mini programs pay for one buyer (buyer_id / buyer_open_id). */
  payerBuyerId?: string | null;
  /** WeChat Pay H5 must name the payer's IP address (scene_info.payer_client_ip). */
  payerClientIp?: string | null;
}

type Route = Omit<Execution, 'channel' | 'invokeMethod'>;

const ROUTES: Record<Channel, Partial<Record<Exclude<InvokeMethod, 'CASHIER'>, Route>>> = {
  ALIPAY: {
    PC: { method: 'alipay.trade.page.pay', checkout: 'CHANNEL', action: 'REDIRECT' },
    WAP: { method: 'alipay.trade.wap.pay', checkout: 'CHANNEL', action: 'REDIRECT' },
    APP: { method: 'alipay.trade.app.pay', checkout: 'CLIENT', action: 'SDK_PARAMS' },
    QR: { method: 'alipay.trade.precreate', checkout: 'HOSTED', action: 'QR_CODE' },
    MINI_PROGRAM: { method: 'alipay.trade.create', checkout: 'CLIENT', action: 'SDK_PARAMS' },
  },
  WECHATPAY: {
    // WeChat Pay has no checkout page for desktop browsers: a NATIVE code on our checkout.
    PC: { method: 'wechatpay.native', checkout: 'HOSTED', action: 'CHECKOUT' },
    WAP: { method: 'wechatpay.h5', checkout: 'CHANNEL', action: 'REDIRECT' },
    APP: { method: 'wechatpay.app', checkout: 'CLIENT', action: 'SDK_PARAMS' },
    QR: { method: 'wechatpay.native', checkout: 'HOSTED', action: 'QR_CODE' },
    MINI_PROGRAM: { method: 'wechatpay.jsapi', checkout: 'CLIENT', action: 'SDK_PARAMS' },
  },
  EASYPAY: {
    PC: { method: 'easypay.submit', checkout: 'CHANNEL', action: 'REDIRECT' },
    WAP: { method: 'easypay.submit', checkout: 'CHANNEL', action: 'REDIRECT' },
    QR: { method: 'easypay.mapi', checkout: 'HOSTED', action: 'QR_CODE' },
  },
};

/**
 * The gateway's request parser: (channel, invoke method, device hints) → the channel call and how
 * the user pays. A combination the channel or the payment ID does not support is METHOD_NOT_SUPPORTED.
 */
export function parseRequest(request: ParseRequest): Execution {
  const { channel, invokeMethod } = request;
  if (invokeMethod === 'CASHIER') {
    throw new AppError('METHOD_NOT_SUPPORTED', 'CASHIER payments choose their channel on the hosted checkout; omit paymentId.');
  }
  const route = ROUTES[channel][invokeMethod];
  if (!route || !(CHANNEL_INVOKE_METHODS[channel] as readonly string[]).includes(invokeMethod)) {
    throw new AppError('METHOD_NOT_SUPPORTED', `${channel} does not support ${invokeMethod}.`, { channel, invokeMethod });
  }
  if (!request.enabled.includes(invokeMethod)) {
    throw new AppError('METHOD_NOT_SUPPORTED', `${invokeMethod} is not enabled for this payment ID.`, { channel, invokeMethod, enabled: request.enabled });
  }
  if (channel === 'WECHATPAY' && invokeMethod === 'WAP' && request.payerOpenId) {
    return { channel, invokeMethod, method: 'wechatpay.jsapi', checkout: 'CLIENT', action: 'SDK_PARAMS' };
  }
  if (channel === 'WECHATPAY' && invokeMethod === 'MINI_PROGRAM' && !request.payerOpenId) {
    throw AppError.invalidFields({ 'payer.openId': 'required for WeChat Pay mini program payments' });
  }
  if (channel === 'WECHATPAY' && invokeMethod === 'WAP' && !request.payerClientIp) {
    throw AppError.invalidFields({ 'payer.clientIp': 'required for WeChat Pay H5 payments (the payer’s IP address)' });
  }
  if (channel === 'ALIPAY' && invokeMethod === 'MINI_PROGRAM' && !request.payerBuyerId) {
    throw AppError.invalidFields({ 'payer.buyerId': 'required for Alipay mini program payments' });
  }
  return { channel, invokeMethod, ...route };
}
