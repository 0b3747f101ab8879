// POST /v3/refund/domestic/refunds and GET /v3/refund/domestic/refunds/{out_refund_no}.
// out_refund_no is unique per merchant and makes a refund idempotent. The trade row is locked so the
// refunds of a trade can never pass its total, whatever runs concurrently. As at WeChat the answer
// says PROCESSING; the simulator then completes the refund at once (queries read SUCCESS right after)
// and sends REFUND.SUCCESS to the refund's notify_url when one was given.
import { z } from 'zod';
import { db } from '@/server/db/client';
import type { SandboxWechatRefund, SandboxWechatTrade } from '@/server/db/generated/client';
import { toWechatTime } from '@/server/gateway/channels/wechatpay/wechatpay-time';
import { invalidRequest, paramError, resourceNotExists, WechatpayApiError } from './api-error';
import { deliverWechatpayNotification, enqueueWechatpayNotification } from './notifications';
import { currency, notifyUrl, parseBody, positiveFen, utf8Text } from './request-body';
import { newRefundId } from './trade-ids';
import type { VerifiedRequest } from './verify-request';

const refundBody = z.looseObject({
  transaction_id: z.string().min(1).max(32).optional(),
  out_trade_no: z.string().min(1).max(32).optional(),
  out_refund_no: z.string({ error: '必填' }).regex(/^[0-9A-Za-z_\-|*@]{1,64}$/, { error: '须为 1-64 个字符，只能是数字、大小写字母及 _-|*@' }),
  reason: utf8Text(0, 80).optional(),
  notify_url: notifyUrl.optional(),
  amount: z.looseObject({ refund: positiveFen, total: positiveFen, currency }),
});

export function refundView(refund: SandboxWechatRefund, trade: SandboxWechatTrade): Record<string, unknown> {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: trade.transactionId,
    out_trade_no: trade.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successAt ? { success_time: toWechatTime(refund.successAt) } : {}),
    create_time: toWechatTime(refund.createdAt),
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: trade.totalFen,
      refund: refund.refundFen,
      from: [],
      payer_total: trade.totalFen,
      payer_refund: refund.refundFen,
      settlement_refund: refund.refundFen,
      settlement_total: trade.totalFen,
      discount_refund: 0,
      currency: trade.currency,
      refund_fee: 0,
    },
    promotion_detail: [],
  };
}

/** The decrypted resource of a REFUND.* callback. */
function refundResource(refund: SandboxWechatRefund, trade: SandboxWechatTrade) {
  return {
    mchid: trade.mchId,
    out_trade_no: trade.outTradeNo,
    transaction_id: trade.transactionId,
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_status: refund.status,
    ...(refund.successAt ? { success_time: toWechatTime(refund.successAt) } : {}),
    user_received_account: '支付用户零钱',
    amount: { total: trade.totalFen, refund: refund.refundFen, payer_total: trade.totalFen, payer_refund: refund.refundFen },
  };
}

async function tradeOf(mchId: string, ref: { transaction_id?: string; out_trade_no?: string }): Promise<SandboxWechatTrade> {
  if (!ref.transaction_id && !ref.out_trade_no) throw paramError('out_trade_no', 'transaction_id 和 out_trade_no 必须二选一');
  const trade = ref.transaction_id
    ? await db().sandboxWechatTrade.findUnique({ where: { transactionId: ref.transaction_id } })
    : await db().sandboxWechatTrade.findUnique({ where: { mchId_outTradeNo: { mchId, outTradeNo: ref.out_trade_no! } } });
  if (!trade || trade.mchId !== mchId || (ref.out_trade_no && trade.outTradeNo !== ref.out_trade_no)) throw resourceNotExists('订单不存在');
  return trade;
}

async function completeRefund(refundId: string, now: Date): Promise<void> {
  const notifyId = await db().$transaction(async (tx) => {
    const won = await tx.sandboxWechatRefund.updateMany({ where: { refundId, status: 'PROCESSING' }, data: { status: 'SUCCESS', successAt: now } });
    const refund = await tx.sandboxWechatRefund.findUniqueOrThrow({ where: { refundId }, include: { trade: true } });
    if (won.count !== 1 || !refund.notifyUrl) return null;
    return enqueueWechatpayNotification(
      tx,
      { mchId: refund.mchId, notifyUrl: refund.notifyUrl, eventType: 'REFUND.SUCCESS', summary: '退款成功', resourceKind: 'refund', resource: refundResource(refund, refund.trade) },
      now,
    );
  });
  if (notifyId) await deliverWechatpayNotification(notifyId, now);
}

export async function createRefund(request: VerifiedRequest, now: Date): Promise<Record<string, unknown>> {
  const body = parseBody(refundBody, request.body);
  const { mchId } = request.merchant;
  const trade = await tradeOf(mchId, body);
  const created = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "SandboxWechatTrade" WHERE "prepayId" = ${trade.prepayId} FOR UPDATE`;
    const current = await tx.sandboxWechatTrade.findUniqueOrThrow({ where: { prepayId: trade.prepayId } });
    const earlier = await tx.sandboxWechatRefund.findUnique({ where: { mchId_outRefundNo: { mchId, outRefundNo: body.out_refund_no } } });
    if (earlier) {
      if (earlier.prepayId !== current.prepayId || earlier.refundFen !== body.amount.refund || body.amount.total !== current.totalFen) {
        throw invalidRequest('订单金额或退款金额与之前请求不一致，请核实后再试');
      }
      return { refund: earlier, trade: current, fresh: false };
    }
    if (current.state !== 'SUCCESS' && current.state !== 'REFUND') throw invalidRequest('订单未支付，不能退款');
    if (body.amount.total !== current.totalFen) throw paramError('amount/total', '原订单金额与实际订单金额不一致');
    const refundedFen = current.refundedFen + body.amount.refund;
    if (refundedFen > current.totalFen) throw invalidRequest('申请退款金额超过订单可退金额');
    // Money split to receivers has left the merchant: it must come back (return orders) before it is refunded.
    const returned = await tx.sandboxWechatReturnOrder.aggregate({ where: { order: { prepayId: current.prepayId }, result: 'SUCCESS' }, _sum: { amountFen: true } });
    if (refundedFen > current.totalFen - current.sharedFen + (returned._sum.amountFen ?? 0)) throw new WechatpayApiError(403, 'NOT_ENOUGH', '可退金额不足，已分账的资金请先分账回退');
    const refund = await tx.sandboxWechatRefund.create({
      data: {
        refundId: newRefundId(now),
        mchId,
        outRefundNo: body.out_refund_no,
        prepayId: current.prepayId,
        refundFen: body.amount.refund,
        reason: body.reason ?? null,
        notifyUrl: body.notify_url ?? null,
        createdAt: now,
      },
    });
    const updated = await tx.sandboxWechatTrade.update({ where: { prepayId: current.prepayId }, data: { refundedFen, state: 'REFUND' } });
    return { refund, trade: updated, fresh: true };
  });
  if (created.fresh) await completeRefund(created.refund.refundId, now);
  return refundView(created.refund, created.trade);
}

export async function queryRefund(request: VerifiedRequest, outRefundNo: string): Promise<Record<string, unknown>> {
  const refund = await db().sandboxWechatRefund.findUnique({
    where: { mchId_outRefundNo: { mchId: request.merchant.mchId, outRefundNo } },
    include: { trade: true },
  });
  if (!refund) throw resourceNotExists('退款单不存在');
  return refundView(refund, refund.trade);
}
