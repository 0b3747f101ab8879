// api.php?act=order: epay's one view of an order, used by query, close and refund. The answer is not
// signed, so it is checked to be about our merchant and our order before anything is read from it.
import { ChannelError } from '@/server/gateway/channel-error';
import type { ChannelAccount, ChannelPaymentState } from '@/server/gateway/types';
import { YuanAmountError, yuanToFen } from '@/server/gateway/yuan';
import { fromBeijingTime } from '@/server/gateway/beijing-time';
import { answerText, callEasypay, easypayCredentials, easypayError, isSuccess, type EasypayAnswer } from './easypay-client';

export interface EasypayOrder {
  state: ChannelPaymentState;
  tradeNo: string | null;
  /** Fen. */
  amount: number;
  /** Fen refunded so far, where the gateway reports it (`refundmoney`); null where it does not. */
  refunded: number | null;
  paidAt: Date | null;
  raw: EasypayAnswer;
}

/** epay status: 1 paid, 0 unpaid. Anything else is unknown to us, so never success. */
export function mapOrderStatus(status: string | undefined): ChannelPaymentState {
  switch (status) {
    case '1':
      return 'SUCCEEDED';
    case '0':
      return 'PENDING';
    default:
      return 'PENDING';
  }
}

/** epay answers an unknown order with code ≠ 1 and a message saying it does not exist (订单编号不存在). */
function isUnknownOrder(answer: EasypayAnswer): boolean {
  return /不存在|not exist/i.test(answerText(answer.msg) ?? '');
}

function mismatch(message: string, raw: EasypayAnswer): ChannelError {
  return new ChannelError({ channelCode: 'EASYPAY_ANSWER_MISMATCH', channelMessage: message, retryable: false, raw });
}

function fen(field: string, value: unknown, raw: EasypayAnswer): number {
  try {
    return yuanToFen(answerText(value) ?? '');
  } catch (error) {
    if (error instanceof YuanAmountError) throw mismatch(`act=order answered ${field} that is not an amount`, raw);
    throw error;
  }
}

/** The order, or null when the gateway does not know it (the user never opened the page). */
export async function queryEasypayOrder(account: ChannelAccount, serialNo: string): Promise<EasypayOrder | null> {
  const { pid, key } = easypayCredentials(account);
  const answer = await callEasypay(account, { script: 'api.php', query: { act: 'order', pid, key, out_trade_no: serialNo } });
  if (!isSuccess(answer)) {
    if (isUnknownOrder(answer)) return null;
    throw easypayError(answer);
  }
  if (answerText(answer.pid) !== pid) throw mismatch('act=order answered about another merchant', answer);
  if (answerText(answer.out_trade_no) !== serialNo) throw mismatch('act=order answered about another order', answer);
  const state = mapOrderStatus(answerText(answer.status));
  return {
    state,
    tradeNo: answerText(answer.trade_no) ?? null,
    amount: fen('money', answer.money, answer),
    refunded: answer.refundmoney === undefined || answer.refundmoney === null || answer.refundmoney === '' ? null : fen('refundmoney', answer.refundmoney, answer),
    // epay writes times as Beijing wall-clock time, as Alipay does.
    paidAt: state === 'SUCCEEDED' ? fromBeijingTime(answerText(answer.endtime)) : null,
    raw: answer,
  };
}
