// epay refunds (api.php?act=refund with pid, key, out_trade_no, money) are synchronous and carry no
// refund number: the gateway cannot tell a retried request from a second refund, and has no refund
// query. So a refund is sent at most once by this plugin, and its outcome, when the answer is lost,
// is read from the order's refunded total (`refundmoney` of act=order):
// - before sending, the order must be paid and the amount must fit what is left to refund;
// - a lost answer is settled at once by reading the total again: grown by exactly our amount → done;
// - queryRefund never answers PROCESSING (which would make the core send the refund again): it answers
//   SUCCEEDED when the whole order is refunded, FAILED when nothing at all is, and otherwise throws a
//   retryable error, leaving the refund PROCESSING until staff, alerted after three days, settle it
//   from the gateway's merchant panel.
// Remaining risk: a lost answer while another refund of the same order (ours, or one made in the
// merchant panel) moves the total at the same moment can be attributed wrongly; a request that lands
// after the refund query found nothing refunded is reported FAILED although money moved (the
// gateway's own "at most the order amount" rule still caps the total refunded).
import { ChannelError } from '@/server/gateway/channel-error';
import type { ChannelAccount, RefundInput, RefundState } from '@/server/gateway/types';
import { fenToYuan } from '@/server/gateway/yuan';
import { callEasypay, easypayCredentials, easypayError, isSuccess } from './easypay-client';
import { queryEasypayOrder, type EasypayOrder } from './query-order';

function refusal(channelCode: string, channelMessage: string, raw: unknown): ChannelError {
  return new ChannelError({ channelCode, channelMessage, retryable: false, raw });
}

async function paidOrder(account: ChannelAccount, serialNo: string): Promise<EasypayOrder> {
  const order = await queryEasypayOrder(account, serialNo);
  if (!order) throw refusal('EASYPAY_TRADE_NOT_EXIST', 'EasyPay does not know the order', { code: 'NOT_FOUND' });
  if (order.state !== 'SUCCEEDED') throw refusal('EASYPAY_TRADE_NOT_PAID', 'The order is not paid', order.raw);
  return order;
}

export async function refund(input: RefundInput): Promise<RefundState> {
  const { account, serialNo, amount } = input;
  const { pid, key } = easypayCredentials(account);
  const before = await paidOrder(account, serialNo);
  if (before.refunded !== null && before.refunded + amount > before.amount) {
    throw refusal('EASYPAY_REFUND_EXCEEDS', `Only ${fenToYuan(before.amount - before.refunded)} yuan of the order is left to refund`, before.raw);
  }
  try {
    const answer = await callEasypay(account, { script: 'api.php', query: { act: 'refund' }, form: { pid, key, out_trade_no: serialNo, money: fenToYuan(amount) } });
    if (!isSuccess(answer)) throw easypayError(answer);
    return { state: 'SUCCEEDED', channelRefundNo: null, raw: answer };
  } catch (error) {
    if (!(error instanceof ChannelError) || !error.retryable || before.refunded === null) throw error;
    const after = await queryEasypayOrder(account, serialNo).catch(() => null);
    if (after?.refunded === before.refunded + amount) return { state: 'SUCCEEDED', channelRefundNo: null, raw: { confirmedBy: after.raw } };
    throw error;
  }
}

/** epay has no refund query; see the top of this file for what the order's refunded total can say. */
export async function queryRefund(input: { account: ChannelAccount; serialNo: string; refundSerialNo: string }): Promise<RefundState> {
  const order = await queryEasypayOrder(input.account, input.serialNo);
  if (!order || order.refunded === 0) return { state: 'FAILED', channelRefundNo: null, raw: order?.raw ?? { code: 'NOT_FOUND' } };
  if (order.refunded === order.amount) return { state: 'SUCCEEDED', channelRefundNo: null, raw: order.raw };
  throw new ChannelError({
    channelCode: order.refunded === null ? 'EASYPAY_NO_REFUND_INFO' : 'EASYPAY_REFUND_UNATTRIBUTABLE',
    channelMessage:
      order.refunded === null
        ? 'The gateway reports no refunded amount; check the refund in the EasyPay merchant panel'
        : `The order has ${fenToYuan(order.refunded)} yuan refunded in part; which refunds it holds cannot be told apart: check the EasyPay merchant panel`,
    retryable: true,
    raw: order.raw,
  });
}
