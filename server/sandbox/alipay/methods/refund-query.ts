// alipay.trade.fastpay.refund.query. Refunds here succeed synchronously, so a known one is REFUND_SUCCESS;
// an unknown out_request_no is, as at Alipay, a success answer without refund fields (meaning: no refund).
import { z } from 'zod';
import { db } from '@/server/db/client';
import { fenToYuan } from '@/server/gateway/yuan';
import { toBeijingTime } from '@/server/gateway/beijing-time';
import { parseBiz, tradeRef } from '../biz-content';
import { findVisibleTrade } from '../find-trade';
import type { AlipayPayload } from '../gateway-response';
import type { GatewayRequest } from '../verify-gateway-request';

const refundRef = tradeRef.extend({ out_request_no: z.string().min(1).max(64) });

export async function refundQuery(request: GatewayRequest): Promise<AlipayPayload> {
  const biz = parseBiz(refundRef, request.bizContent);
  const trade = await findVisibleTrade(request.appId, biz);
  const base = { code: '10000', msg: 'Success', trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo };
  const refund = await db().sandboxAlipayRefund.findUnique({ where: { tradeNo_outRequestNo: { tradeNo: trade.tradeNo, outRequestNo: biz.out_request_no } } });
  if (!refund) return base;
  return {
    ...base,
    out_request_no: refund.outRequestNo,
    total_amount: fenToYuan(trade.totalFen),
    refund_amount: fenToYuan(refund.refundFen),
    refund_status: 'REFUND_SUCCESS',
    gmt_refund_pay: toBeijingTime(refund.createdAt),
  };
}
