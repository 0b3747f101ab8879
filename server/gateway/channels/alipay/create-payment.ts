import { ChannelError } from '@/server/gateway/channel-error';
import type { CreatePaymentInput, CreatePaymentResult } from '@/server/gateway/types';
import { alipayClient, callAlipay, requireSuccess } from './alipay-client';
import { toBeijingTime } from '@/server/gateway/beijing-time';
import { fenToYuan } from '@/server/gateway/yuan';
import { transportError } from './error-map';

const PRODUCT_CODES: Record<string, string> = {
  'alipay.trade.page.pay': 'FAST_INSTANT_TRADE_PAY',
  'alipay.trade.wap.pay': 'QUICK_WAP_WAY',
  'alipay.trade.app.pay': 'QUICK_MSECURITY_PAY',
  'alipay.trade.precreate': 'FACE_TO_FACE_PAYMENT',
  'alipay.trade.create': 'JSAPI_PAY',
};

/** Alipay subjects allow 256 characters and no `/ = &` in some products; keep them plain and short. */
function cleanSubject(subject: string): string {
  return subject.replace(/[\/=&]/g, ' ').slice(0, 256);
}

/** Creates the trade for one attempt with the channel call the request parser chose. */
export async function createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult> {
  const { account, execution } = input;
  const method = execution.method;
  const bizContent: Record<string, unknown> = {
    out_trade_no: input.serialNo,
    total_amount: fenToYuan(input.amount),
    subject: cleanSubject(input.subject),
    product_code: PRODUCT_CODES[method],
    time_expire: toBeijingTime(input.expiresAt),
    // Alipay holds the paid funds for alipay.trade.order.settle.
    ...(input.profitSharing ? { extend_params: { royalty_freeze: 'true' } } : {}),
  };
  const urls: Record<string, string> = { notifyUrl: input.notifyUrl, ...(input.returnUrl ? { returnUrl: input.returnUrl } : {}) };

  switch (method) {
    case 'alipay.trade.page.pay':
    case 'alipay.trade.wap.pay': {
      if (method === 'alipay.trade.wap.pay' && input.returnUrl) bizContent.quit_url = input.returnUrl;
      const url = signedPage(() => alipayClient(account).pageExec(method, 'GET', { bizContent, ...urls }));
      return { action: { type: 'REDIRECT', url }, channelTradeNo: null, raw: { method, url } };
    }
    case 'alipay.trade.app.pay': {
      const orderString = signedPage(() => alipayClient(account).sdkExec(method, { bizContent, notifyUrl: input.notifyUrl }));
      return { action: { type: 'SDK_PARAMS', params: { orderString } }, channelTradeNo: null, raw: { method } };
    }
    case 'alipay.trade.precreate': {
      const result = requireSuccess(await callAlipay(account, method, bizContent, { notifyUrl: input.notifyUrl }));
      return { action: { type: 'QR_CODE', content: String(result.qr_code) }, channelTradeNo: null, raw: result };
    }
    case 'alipay.trade.create': {
      const buyer = input.payer?.buyerId;
      if (!buyer) throw new ChannelError({ channelCode: 'ACQ.INVALID_PARAMETER', channelMessage: 'payer.buyerId is required for Alipay mini programs', retryable: false });
      bizContent[/^2088\d{12}$/.test(buyer) ? 'buyer_id' : 'buyer_open_id'] = buyer;
      const result = requireSuccess(await callAlipay(account, method, bizContent, { notifyUrl: input.notifyUrl }));
      const tradeNo = String(result.trade_no);
      return { action: { type: 'SDK_PARAMS', params: { tradeNO: tradeNo } }, channelTradeNo: tradeNo, raw: result };
    }
    default:
      throw new ChannelError({ channelCode: 'METHOD_NOT_SUPPORTED', channelMessage: `Alipay cannot execute ${method}`, retryable: false });
  }
}

/** Page and SDK payments are signed locally (nothing is sent); only a bad key can fail here. */
function signedPage(sign: () => string): string {
  try {
    return sign();
  } catch (error) {
    throw transportError(error);
  }
}
