import type { Ih5 } from 'wechatpay-node-v3/dist/lib/interface';
import { ChannelError } from '@/server/gateway/channel-error';
import type { ChannelAction } from '@/server/contract/action';
import type { CreatePaymentInput, CreatePaymentResult } from '@/server/gateway/types';
import { wechatFen } from './amounts';
import { wechatDescription } from './description';
import { invalidResponse } from './error-map';
import { callWechatPay, requireSuccess, type WechatAnswer } from './wechatpay-client';
import { toWechatTime } from './wechatpay-time';

function refused(channelMessage: string): ChannelError {
  return new ChannelError({ channelCode: 'PARAM_ERROR', channelMessage, retryable: false });
}

function stringField(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  if (typeof value !== 'string' || value === '') throw invalidResponse('WECHATPAY_BAD_ANSWER', `WeChat Pay answered without ${name}`, data);
  return value;
}

/** The SDK's client parameters (JSAPI, APP): every value must be a non-empty string. */
function sdkParams(answer: WechatAnswer, names: readonly string[]): Record<string, string> {
  const data = requireSuccess(answer);
  return Object.fromEntries(names.map((name) => [name, stringField(data, name)]));
}

/** H5 pages return the payer to the merchant through redirect_url (URL-encoded, as WeChat documents). */
function h5Url(url: string, returnUrl: string | null | undefined): string {
  if (!returnUrl) return url;
  return `${url}${url.includes('?') ? '&' : '?'}redirect_url=${encodeURIComponent(returnUrl)}`;
}

/** Creates the WeChat Pay order of one attempt through the endpoint the request parser chose. */
export async function createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult> {
  const { account, execution } = input;
  const order = {
    description: wechatDescription(input.subject),
    out_trade_no: input.serialNo,
    time_expire: toWechatTime(input.expiresAt),
    notify_url: input.notifyUrl,
    amount: { total: wechatFen(input.amount), currency: 'CNY' },
    ...(input.profitSharing ? { settle_info: { profit_sharing: true } } : {}),
  };
  let action: ChannelAction;
  let raw: unknown;
  switch (execution.method) {
    case 'wechatpay.native': {
      const data = requireSuccess(await callWechatPay(account, (client) => client.transactions_native(order)));
      action = { type: 'QR_CODE', content: stringField(data, 'code_url') };
      raw = data;
      break;
    }
    case 'wechatpay.h5': {
      const clientIp = input.payer?.clientIp;
      if (!clientIp) throw refused('payer.clientIp is required for WeChat Pay H5 payments');
      // The SDK's type demands app_name, which WeChat requires only for app (iOS/Android) scenes.
      const sceneInfo = { payer_client_ip: clientIp, h5_info: { type: 'Wap' } } as unknown as Ih5['scene_info'];
      const data = requireSuccess(await callWechatPay(account, (client) => client.transactions_h5({ ...order, scene_info: sceneInfo })));
      action = { type: 'REDIRECT', url: h5Url(stringField(data, 'h5_url'), input.returnUrl) };
      raw = data;
      break;
    }
    case 'wechatpay.jsapi': {
      const openid = input.payer?.openId;
      if (!openid) throw refused('payer.openId is required for WeChat Pay JSAPI and mini program payments');
      // The SDK signs wx.requestPayment's parameters (appId, timeStamp, nonceStr, package) with the merchant key.
      const params = sdkParams(await callWechatPay(account, (client) => client.transactions_jsapi({ ...order, payer: { openid } })), ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign']);
      action = { type: 'SDK_PARAMS', params };
      raw = { package: params.package };
      break;
    }
    case 'wechatpay.app': {
      const params = sdkParams(await callWechatPay(account, (client) => client.transactions_app(order)), ['appid', 'partnerid', 'prepayid', 'package', 'noncestr', 'timestamp', 'sign']);
      action = { type: 'SDK_PARAMS', params };
      raw = { prepayid: params.prepayid };
      break;
    }
    default:
      throw new ChannelError({ channelCode: 'METHOD_NOT_SUPPORTED', channelMessage: `WeChat Pay cannot execute ${execution.method}`, retryable: false });
  }
  // WeChat assigns transaction_id only when the payer pays.
  return { action, channelTradeNo: null, raw };
}
