// alipay.trade.refund. out_request_no is the idempotency key of one partial refund (it defaults to the
// out_trade_no, which allows a single refund). The trade row is locked so the cumulative total can never
// pass total_amount, whatever runs concurrently. A refund that empties the trade closes it (TRADE_CLOSED)
// and, like Alipay, notifies that; a partial refund changes no trade status and sends no notify.
// Money settled to receivers comes back only through refund_royalty_parameters (royalty/royalty-returns).
import { z } from 'zod';
import { db } from '@/server/db/client';
import { fenToYuan } from '@/server/gateway/yuan';
import { toBeijingTime } from '@/server/gateway/beijing-time';
import { parseBiz, positiveFen, tradeRef } from '../biz-content';
import { deliverAlipayNotification } from '../deliver-notifications';
import { findVisibleTrade } from '../find-trade';
import { businessError, invalidParameter } from '../gateway-error';
import type { AlipayPayload } from '../gateway-response';
import { checkRoyaltyReturns, parseRoyaltyReturns, refundRoyaltyParameters } from '../royalty/royalty-returns';
import { enqueueTradeNotification } from '../trade-notification';
import { maskedLogonId } from '../trade-ids';
import type { GatewayRequest } from '../verify-gateway-request';

const refundBiz = tradeRef.extend({
  refund_amount: z.string(),
  out_request_no: z.string().min(1).max(64).optional(),
  refund_reason: z.string().max(256).optional(),
  refund_royalty_parameters: refundRoyaltyParameters.optional(),
});

const STATUS_ERRORS = {
  WAIT_BUYER_PAY: () => businessError('ACQ.TRADE_STATUS_ERROR', '交易状态不合法：交易尚未支付'),
  TRADE_CLOSED: () => businessError('ACQ.TRADE_HAS_CLOSE', '交易已经关闭'),
  TRADE_FINISHED: () => businessError('ACQ.TRADE_HAS_FINISHED', '交易已完结'),
} as const;

export async function tradeRefund(request: GatewayRequest, now: Date): Promise<AlipayPayload> {
  const biz = parseBiz(refundBiz, request.bizContent);
  const trade = await findVisibleTrade(request.appId, biz);
  const refundFen = positiveFen('refund_amount', biz.refund_amount);
  const outRequestNo = biz.out_request_no ?? trade.outTradeNo;
  const royaltyReturns = parseRoyaltyReturns(biz.refund_royalty_parameters ?? []);

  const result = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "SandboxAlipayTrade" WHERE "tradeNo" = ${trade.tradeNo} FOR UPDATE`;
    const current = await tx.sandboxAlipayTrade.findUniqueOrThrow({ where: { tradeNo: trade.tradeNo } });
    const earlier = await tx.sandboxAlipayRefund.findUnique({ where: { tradeNo_outRequestNo: { tradeNo: trade.tradeNo, outRequestNo } } });
    if (earlier) {
      if (earlier.refundFen !== refundFen) throw invalidParameter('同一退款请求号 out_request_no 的退款金额与之前不一致');
      return { trade: current, fundChange: 'N', refundedAt: earlier.createdAt, notifyId: null };
    }
    if (current.status !== 'TRADE_SUCCESS') throw STATUS_ERRORS[current.status]();
    const refundedFen = current.refundedFen + refundFen;
    if (refundedFen > current.totalFen) throw businessError('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限：累计退款金额不能大于订单金额');
    const returnedFen = await checkRoyaltyReturns(tx, current, refundFen, royaltyReturns);
    await tx.sandboxAlipayRefund.create({
      data: {
        id: `${trade.tradeNo}-${outRequestNo}`,
        tradeNo: trade.tradeNo,
        outRequestNo,
        refundFen,
        reason: biz.refund_reason ?? null,
        ...(royaltyReturns.length > 0 ? { royaltyReturns } : {}),
        createdAt: now,
      },
    });
    const full = refundedFen === current.totalFen;
    const updated = await tx.sandboxAlipayTrade.update({
      where: { tradeNo: trade.tradeNo },
      data: { refundedFen, settledFen: { decrement: returnedFen }, ...(full ? { status: 'TRADE_CLOSED', closedAt: now } : {}) },
    });
    const notifyId = full
      ? await enqueueTradeNotification(tx, updated, now, { refund_fee: fenToYuan(refundedFen), gmt_refund: `${toBeijingTime(now)}.${String(now.getMilliseconds()).padStart(3, '0')}`, out_biz_no: outRequestNo })
      : null;
    return { trade: updated, fundChange: 'Y', refundedAt: now, notifyId };
  });
  if (result.notifyId) await deliverAlipayNotification(result.notifyId, now);

  const { trade: refunded } = result;
  return {
    code: '10000',
    msg: 'Success',
    trade_no: refunded.tradeNo,
    out_trade_no: refunded.outTradeNo,
    ...(refunded.buyerId ? { buyer_logon_id: maskedLogonId(refunded.buyerId), buyer_user_id: refunded.buyerId } : {}),
    fund_change: result.fundChange,
    refund_fee: fenToYuan(refunded.refundedFen),
    gmt_refund_pay: toBeijingTime(result.refundedAt),
  };
}
