import type { ChannelAccount, RefundInput, RefundState } from '@/server/gateway/types';
import { callAlipay, requireSuccess } from './alipay-client';
import { fenToYuan } from '@/server/gateway/yuan';
import { alipayAccountType } from './royalty-accounts';

/**
 * Partial refunds are told apart (and made idempotent) by out_request_no = our refund serial. Money
 * that comes back from split receivers goes as refund_royalty_parameters: Alipay takes it from them
 * within the refund, or refuses the whole refund.
 */
export async function refund(input: RefundInput): Promise<RefundState> {
  const result = requireSuccess(
    await callAlipay(input.account, 'alipay.trade.refund', {
      out_trade_no: input.serialNo,
      refund_amount: fenToYuan(input.amount),
      out_request_no: input.refundSerialNo,
      ...(input.reason ? { refund_reason: input.reason.slice(0, 256) } : {}),
      ...(input.splitReturns?.length
        ? {
            refund_royalty_parameters: input.splitReturns.map((back) => ({
              royalty_type: 'transfer',
              trans_out_type: alipayAccountType(back.accountType),
              trans_out: back.account,
              amount: fenToYuan(back.amount),
            })),
          }
        : {}),
    }),
  );
  // fund_change N on a repeated request means the money moved the first time: ask to be sure.
  if (result.fund_change === 'Y') return { state: 'SUCCEEDED', channelRefundNo: input.refundSerialNo, raw: result };
  return queryRefund({ account: input.account, serialNo: input.serialNo, refundSerialNo: input.refundSerialNo });
}

export async function queryRefund(input: { account: ChannelAccount; serialNo: string; refundSerialNo: string }): Promise<RefundState> {
  const result = await callAlipay(input.account, 'alipay.trade.fastpay.refund.query', {
    out_trade_no: input.serialNo,
    out_request_no: input.refundSerialNo,
  });
  if (result.code === '10000' && result.refund_status === 'REFUND_SUCCESS') {
    return { state: 'SUCCEEDED', channelRefundNo: input.refundSerialNo, raw: result };
  }
  // Alipay answers an unknown or still-processing refund without refund_status.
  return { state: 'PROCESSING', channelRefundNo: null, raw: result };
}
