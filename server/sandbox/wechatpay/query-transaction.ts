// GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid= and /v3/pay/transactions/id/{transaction_id}?mchid=.
// A trade is found by transaction_id only once paid, as at WeChat; POST .../close closes an unpaid one.
import { z } from 'zod';
import { db } from '@/server/db/client';
import type { SandboxWechatTrade } from '@/server/db/generated/client';
import { WechatpayApiError, orderNotExist, paramError } from './api-error';
import { parseBody } from './request-body';
import { effectiveState } from './trade-state';
import { transactionView } from './transaction-view';
import type { VerifiedRequest } from './verify-request';

function checkQueryMchId(request: VerifiedRequest): void {
  const mchId = request.query.get('mchid');
  if (!mchId) throw paramError('mchid', '必填', 'query');
  if (mchId !== request.merchant.mchId) throw paramError('mchid', '与 Authorization 中的商户号不一致', 'query');
}

async function byOutTradeNo(request: VerifiedRequest, outTradeNo: string): Promise<SandboxWechatTrade> {
  const trade = await db().sandboxWechatTrade.findUnique({ where: { mchId_outTradeNo: { mchId: request.merchant.mchId, outTradeNo } } });
  if (!trade) throw orderNotExist();
  return trade;
}

export async function queryByOutTradeNo(request: VerifiedRequest, outTradeNo: string, now: Date) {
  checkQueryMchId(request);
  return transactionView(await byOutTradeNo(request, outTradeNo), now);
}

export async function queryByTransactionId(request: VerifiedRequest, transactionId: string, now: Date) {
  checkQueryMchId(request);
  const trade = await db().sandboxWechatTrade.findUnique({ where: { transactionId } });
  if (!trade || trade.mchId !== request.merchant.mchId) throw orderNotExist();
  return transactionView(trade, now);
}

const closeBody = z.looseObject({ mchid: z.string({ error: '必填' }).min(1, { error: '必填' }) });

export async function closeTransaction(request: VerifiedRequest, outTradeNo: string, now: Date): Promise<null> {
  const { mchid } = parseBody(closeBody, request.body);
  if (mchid !== request.merchant.mchId) throw paramError('mchid', '与 Authorization 中的商户号不一致');
  const trade = await byOutTradeNo(request, outTradeNo);
  await db().sandboxWechatTrade.updateMany({
    where: { prepayId: trade.prepayId, state: { in: ['NOTPAY', 'PAYERROR'] } },
    data: { state: 'CLOSED', closedAt: now },
  });
  const current = await byOutTradeNo(request, outTradeNo);
  const state = effectiveState(current, now);
  if (state === 'SUCCESS' || state === 'REFUND') throw new WechatpayApiError(400, 'ORDERPAID', '订单已支付');
  return null;
}
