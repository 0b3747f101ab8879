import type { Channel } from '@/server/db/generated/client';

export interface CallbackAck {
  status: number;
  body: string;
  contentType: string;
}

/** Alipay and epay stop calling back on the literal body `success`; anything else is called again. */
function successWordAck(ok: boolean): CallbackAck {
  return { status: 200, body: ok ? 'success' : 'fail', contentType: 'text/plain; charset=utf-8' };
}

/**
 * WeChat stops on 200/204 with no body; a 4XX or 5XX with a FAIL body makes it retry. A callback we
 * refuse is the sender's fault, so 400: a 5XX stays the sign of our own failure.
 */
function wechatpayAck(ok: boolean): CallbackAck {
  // 200 rather than 204: a Web Response with status 204 may not carry even an empty string body.
  return ok
    ? { status: 200, body: '', contentType: 'text/plain; charset=utf-8' }
    : { status: 400, body: JSON.stringify({ code: 'FAIL', message: 'not accepted, please retry' }), contentType: 'application/json; charset=utf-8' };
}

/**
 * Each channel's answer to its callback, in its own protocol. Apart from the plugins so the HTTP
 * entry can refuse a callback in the channel's words without loading the channels' SDKs.
 */
export const CALLBACK_ACKS: Record<Channel, (ok: boolean) => CallbackAck> = {
  ALIPAY: successWordAck,
  EASYPAY: successWordAck,
  WECHATPAY: wechatpayAck,
};
