// alipay.trade.order.settle and alipay.trade.order.settle.query: the gateway's side; the rules live in
// royalty/settle-trade.
import { z } from 'zod';
import { db } from '@/server/db/client';
import { toBeijingTime } from '@/server/gateway/beijing-time';
import { fenToYuan } from '@/server/gateway/yuan';
import { parseBiz, positiveFen } from '../biz-content';
import { invalidParameter, tradeNotExist } from '../gateway-error';
import type { AlipayPayload } from '../gateway-response';
import { checkRoyaltyAccount, royaltyAccountType } from '../royalty/relations';
import { settleTrade, storedDetails } from '../royalty/settle-trade';
import type { GatewayRequest } from '../verify-gateway-request';

const settleBiz = z.looseObject({
  out_request_no: z.string().min(1).max(64),
  trade_no: z.string().min(1).max(64),
  royalty_parameters: z
    .array(
      z.looseObject({
        royalty_type: z.enum(['transfer'], { error: '沙箱只支持 transfer' }).optional(),
        trans_in_type: royaltyAccountType,
        trans_in: z.string().min(1).max(100),
        amount: z.string(),
        desc: z.string().max(1000).optional(),
      }),
    )
    .max(20)
    .optional(),
  extend_params: z.looseObject({ royalty_finish: z.enum(['true', 'false'], { error: '须为 true 或 false' }).optional() }).optional(),
  royalty_mode: z.enum(['sync'], { error: '沙箱只支持同步分账 sync' }).optional(),
});

export async function orderSettle(request: GatewayRequest, now: Date): Promise<AlipayPayload> {
  const biz = parseBiz(settleBiz, request.bizContent);
  const royaltyFinish = biz.extend_params?.royalty_finish === 'true';
  const parameters = biz.royalty_parameters ?? [];
  // Only a settle that finishes may name no receiver: it releases the rest and nothing else.
  if (parameters.length === 0 && !royaltyFinish) throw invalidParameter('royalty_parameters 不能为空');
  const transfers = parameters.map((parameter, i) => {
    checkRoyaltyAccount(`royalty_parameters[${i}].trans_in`, parameter.trans_in_type, parameter.trans_in);
    return { transInType: parameter.trans_in_type, transIn: parameter.trans_in, amount: positiveFen(`royalty_parameters[${i}].amount`, parameter.amount), desc: parameter.desc ?? '' };
  });
  const settle = await settleTrade({ appId: request.appId, tradeNo: biz.trade_no, outRequestNo: biz.out_request_no, royaltyFinish, transfers, executeDt: toBeijingTime(now), now });
  return { code: '10000', msg: 'Success', trade_no: settle.tradeNo, settle_no: settle.settleNo };
}

const settleQueryBiz = z.looseObject({
  settle_no: z.string().min(1).max(64).optional(),
  out_request_no: z.string().min(1).max(64).optional(),
  trade_no: z.string().min(1).max(64).optional(),
});

export async function orderSettleQuery(request: GatewayRequest): Promise<AlipayPayload> {
  const biz = parseBiz(settleQueryBiz, request.bizContent);
  const by = biz.settle_no
    ? { settleNo: biz.settle_no }
    : biz.out_request_no && biz.trade_no
      ? { tradeNo: biz.trade_no, outRequestNo: biz.out_request_no }
      : null;
  if (!by) throw invalidParameter('settle_no 与 out_request_no + trade_no 不能同时为空');
  const settle = await db().sandboxAlipaySettle.findFirst({ where: { ...by, trade: { appId: request.appId } } });
  if (!settle) throw tradeNotExist();
  return {
    code: '10000',
    msg: 'Success',
    out_request_no: settle.outRequestNo,
    operation_dt: toBeijingTime(settle.createdAt),
    royalty_detail_list: storedDetails(settle).map((detail) => ({
      operation_type: 'transfer',
      execute_dt: detail.execute_dt,
      trans_in_type: detail.trans_in_type,
      trans_in: detail.trans_in,
      amount: fenToYuan(detail.amount),
      state: detail.state,
      detail_id: detail.detail_id,
    })),
  };
}
