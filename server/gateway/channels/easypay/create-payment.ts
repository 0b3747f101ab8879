import { ChannelError } from '@/server/gateway/channel-error';
import type { ChannelAction } from '@/server/contract/action';
import type { CreatePaymentInput, CreatePaymentResult } from '@/server/gateway/types';
import { fenToYuan } from '@/server/gateway/yuan';
import { answerText, callEasypay, easypayCredentials, easypayError, isSuccess, type EasypayAnswer } from './easypay-client';
import { signEasypayParams } from './md5-sign';
import { easypayPayType } from './pay-type';

/** mapi.php wants the payer's IP for its risk checks; without one we name the loopback, as epay's own SDK demos do. */
const FALLBACK_CLIENT_IP = '127.0.0.1';

/**
 * What the app receives from a mapi.php answer. The hosted checkout (QR) shows a code: epay's
 * `qrcode` when it gives one, else its `payurl` (a phone scanning it opens the gateway's pay page),
 * else its `urlscheme`. A redirecting execution goes to `payurl` when there is one.
 */
export function mapiAction(answer: EasypayAnswer, redirect: boolean): ChannelAction {
  const qrcode = answerText(answer.qrcode);
  const payurl = answerText(answer.payurl);
  const urlscheme = answerText(answer.urlscheme);
  if (redirect && payurl) return { type: 'REDIRECT', url: payurl };
  const content = qrcode || payurl || urlscheme;
  if (!content) throw new ChannelError({ channelCode: 'EASYPAY_NO_PAY_ACTION', channelMessage: 'mapi.php answered neither qrcode, payurl nor urlscheme', retryable: false, raw: answer });
  return { type: 'QR_CODE', content };
}

/**
 * submit.php (page payment): nothing is sent, the user's browser is redirected to the signed GET URL.
 * mapi.php (API payment): the gateway creates the order and answers how to pay it.
 */
export async function createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult> {
  const { account, execution } = input;
  const { pid, key } = easypayCredentials(account);
  const params: Record<string, string> = {
    pid,
    type: easypayPayType(account, execution),
    out_trade_no: input.serialNo,
    notify_url: input.notifyUrl,
    name: input.subject,
    money: fenToYuan(input.amount),
    ...(input.returnUrl ? { return_url: input.returnUrl } : {}),
  };

  switch (execution.method) {
    case 'easypay.submit': {
      const url = `${account.endpoint}/submit.php?${new URLSearchParams(signEasypayParams(params, key))}`;
      return { action: { type: 'REDIRECT', url }, channelTradeNo: null, raw: { script: 'submit.php', url } };
    }
    case 'easypay.mapi': {
      const form = signEasypayParams({ ...params, clientip: input.payer?.clientIp || FALLBACK_CLIENT_IP, device: execution.invokeMethod === 'WAP' ? 'mobile' : 'pc' }, key);
      const answer = await callEasypay(account, { script: 'mapi.php', form });
      if (!isSuccess(answer)) throw easypayError(answer);
      return { action: mapiAction(answer, execution.action === 'REDIRECT'), channelTradeNo: answerText(answer.trade_no) ?? null, raw: answer };
    }
    default:
      throw new ChannelError({ channelCode: 'METHOD_NOT_SUPPORTED', channelMessage: `EasyPay cannot execute ${execution.method}`, retryable: false });
  }
}
