import type { ChannelAccount, ChannelSplitLineState, FinishSplitInput, SplitInput, SplitState } from '@/server/gateway/types';
import { fenToYuan, yuanToFen, YuanAmountError } from '@/server/gateway/yuan';
import { callAlipay, requireSuccess, type AlipayResult } from './alipay-client';
import { alipayError, invalidAnswer } from './error-map';
import { alipayAccountType, splitAccountOf } from './royalty-accounts';

/** A receiver's result (royalty_detail_list.state): unknown results stay PROCESSING, never success. */
function lineState(state: unknown): ChannelSplitLineState {
  switch (state) {
    case 'SUCCESS':
      return 'SUCCEEDED';
    case 'FAIL':
      return 'FAILED';
    case 'PROCESSING':
    default:
      return 'PROCESSING';
  }
}

function detailFen(amount: unknown, raw: unknown): number {
  try {
    return yuanToFen(String(amount));
  } catch (error) {
    if (error instanceof YuanAmountError) throw invalidAnswer(`Alipay answered a royalty amount of ${String(amount)}`, raw);
    throw error;
  }
}

/** The settle Alipay answered about, checked to be the one asked for; only its transfers are lines of the split. */
export function settleState(result: AlipayResult, outRequestNo: string): SplitState {
  if (result.out_request_no !== outRequestNo) throw invalidAnswer('Alipay answered about another settle request', result);
  const details = Array.isArray(result.royalty_detail_list) ? (result.royalty_detail_list as Array<Record<string, unknown>>) : [];
  const lines = details
    .filter((detail) => detail.operation_type === 'transfer')
    .map((detail) => ({
      ...splitAccountOf(detail.trans_in_type, detail.trans_in, result),
      amount: detailFen(detail.amount, result),
      state: lineState(detail.state),
      failReason: detail.state === 'FAIL' ? `${String(detail.error_code ?? 'FAIL')}: ${String(detail.error_desc ?? '')}`.trim() : null,
      channelDetailId: typeof detail.detail_id === 'string' ? detail.detail_id : null,
    }));
  return {
    state: lines.every((line) => line.state !== 'PROCESSING') ? 'FINISHED' : 'PROCESSING',
    channelSplitNo: typeof result.settle_no === 'string' ? result.settle_no : null,
    lines,
    raw: result,
  };
}

/**
 * alipay.trade.order.settle.query by out_request_no and trade_no. A settle Alipay does not know of a
 * paid trade is NOT_FOUND (only when it says so, signed), so the core may send it again.
 */
export async function querySplit(input: { account: ChannelAccount; channelTradeNo: string; splitSerialNo: string }): Promise<SplitState> {
  const result = await callAlipay(input.account, 'alipay.trade.order.settle.query', { out_request_no: input.splitSerialNo, trade_no: input.channelTradeNo });
  if (result.code === '40004') {
    if (result.sub_code === 'ACQ.TRADE_NOT_EXIST') return { state: 'NOT_FOUND', channelSplitNo: null, lines: [], raw: result };
    throw alipayError(result, result);
  }
  return settleState(result, input.splitSerialNo);
}

/**
 * alipay.trade.order.settle keyed by out_request_no = our split serial: Alipay settles a request
 * once, and answers a repeat with the first result. With `finish` the rest is released after this
 * split (extend_params.royalty_finish). A settle answers only its number; the receivers' results come
 * from the query, and if that fails the money has moved all the same: PROCESSING, for the core's query.
 */
export async function split(input: SplitInput): Promise<SplitState> {
  const settled = requireSuccess(
    await callAlipay(input.account, 'alipay.trade.order.settle', {
      out_request_no: input.splitSerialNo,
      trade_no: input.channelTradeNo,
      royalty_parameters: input.lines.map((line) => ({
        royalty_type: 'transfer',
        trans_in_type: alipayAccountType(line.accountType),
        trans_in: line.account,
        amount: fenToYuan(line.amount),
        desc: line.description,
      })),
      extend_params: { royalty_finish: String(input.finish) },
    }),
  );
  const settleNo = typeof settled.settle_no === 'string' ? settled.settle_no : null;
  try {
    const state = await querySplit({ account: input.account, channelTradeNo: input.channelTradeNo, splitSerialNo: input.splitSerialNo });
    if (state.state !== 'NOT_FOUND') return { ...state, channelSplitNo: state.channelSplitNo ?? settleNo };
  } catch {
    // Settled, result unread: the scheduled query reads it.
  }
  return { state: 'PROCESSING', channelSplitNo: settleNo, lines: [], raw: settled };
}

/** alipay.trade.order.settle with royalty_finish and no receivers: releases the held rest; its own out_request_no makes it safe to repeat. */
export async function finishSplit(input: FinishSplitInput): Promise<{ state: 'PROCESSING' | 'FINISHED'; raw: unknown }> {
  const result = requireSuccess(
    await callAlipay(input.account, 'alipay.trade.order.settle', {
      out_request_no: input.finishOrderNo,
      trade_no: input.channelTradeNo,
      extend_params: { royalty_finish: 'true' },
    }),
  );
  return { state: 'FINISHED', raw: result };
}
