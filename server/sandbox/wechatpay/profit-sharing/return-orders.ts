// POST /v3/profitsharing/return-orders and GET /v3/profitsharing/return-orders/{out_return_no}?out_order_no=.
// WeChat's rules: money comes back only from a merchant receiver (return_mchid) that the named split
// order paid successfully, and at most what it paid less what it already gave back. out_return_no is
// unique per merchant and makes a request idempotent. The split order's row is locked, so concurrent
// returns never take back more than was split. The answer is final at once (WeChat's return is
// synchronous): SUCCESS, or FAILED with ACCOUNT_ABNORMAL when the receiver's account is abnormal
// (`accountAbnormal` on its receiver row; tests set it with markWechatReceiverAbnormal).
import { z } from 'zod';
import { db, type Tx } from '@/server/db/client';
import type { SandboxWechatProfitSharingOrder, SandboxWechatReturnOrder } from '@/server/db/generated/client';
import { toWechatTime } from '@/server/gateway/channels/wechatpay/wechatpay-time';
import { invalidRequest, paramError, resourceNotExists } from '../api-error';
import { parseBody, positiveFen, utf8Text } from '../request-body';
import type { VerifiedRequest } from '../verify-request';
import { newOrderId } from './orders';

const orderNo = z.string().regex(/^[0-9A-Za-z_\-|*@]{1,64}$/, { error: '须为 1-64 个字符，只能是数字、大小写字母及 _-|*@' });

const returnBody = z.looseObject({
  order_id: z.string().min(1).max(64).optional(),
  out_order_no: orderNo.optional(),
  out_return_no: z.string({ error: '必填' }).pipe(orderNo),
  return_mchid: z.string({ error: '必填' }).min(1, { error: '必填' }).max(32),
  amount: positiveFen,
  description: utf8Text(1, 80),
});

/** A receiver of a split order as stored (the order's answered receivers). */
type PaidReceiver = { type: string; account: string; amount: number; result: string };

function returnView(order: SandboxWechatProfitSharingOrder, entry: SandboxWechatReturnOrder): Record<string, unknown> {
  return {
    order_id: order.orderId,
    out_order_no: order.outOrderNo,
    out_return_no: entry.outReturnNo,
    return_id: entry.returnId,
    return_mchid: entry.returnMchId,
    amount: entry.amountFen,
    description: entry.description,
    result: entry.result,
    ...(entry.failReason ? { fail_reason: entry.failReason } : {}),
    create_time: toWechatTime(entry.createdAt),
    finish_time: toWechatTime(entry.finishedAt),
  };
}

/** The split order the return names (by WeChat's order_id or the merchant's out_order_no), locked for this transaction. */
async function lockedOrder(tx: Tx, mchId: string, ref: { order_id?: string; out_order_no?: string }): Promise<SandboxWechatProfitSharingOrder> {
  if (!ref.order_id && !ref.out_order_no) throw paramError('out_order_no', 'order_id 和 out_order_no 必须二选一');
  const [locked] = ref.order_id
    ? await tx.$queryRaw<Array<{ orderId: string }>>`SELECT "orderId" FROM "SandboxWechatProfitSharingOrder" WHERE "orderId" = ${ref.order_id} AND "mchId" = ${mchId} FOR UPDATE`
    : await tx.$queryRaw<Array<{ orderId: string }>>`SELECT "orderId" FROM "SandboxWechatProfitSharingOrder" WHERE "outOrderNo" = ${ref.out_order_no} AND "mchId" = ${mchId} FOR UPDATE`;
  const order = locked && (await tx.sandboxWechatProfitSharingOrder.findUnique({ where: { orderId: locked.orderId } }));
  if (!order || order.unfreeze || (ref.out_order_no && order.outOrderNo !== ref.out_order_no)) throw resourceNotExists('分账单不存在');
  return order;
}

/** What the receiver `returnMchId` can still give back of this order: what it was paid less its successful returns. */
async function returnable(tx: Tx, order: SandboxWechatProfitSharingOrder, returnMchId: string): Promise<number> {
  const paid = (order.receivers as PaidReceiver[]).find((r) => r.type === 'MERCHANT_ID' && r.account === returnMchId && r.result === 'SUCCESS');
  if (!paid) throw invalidRequest('只能对原分账请求中成功分给商户接收方进行回退');
  const returned = await tx.sandboxWechatReturnOrder.aggregate({ where: { orderId: order.orderId, returnMchId, result: 'SUCCESS' }, _sum: { amountFen: true } });
  return paid.amount - (returned._sum.amountFen ?? 0);
}

export async function createReturnOrder(request: VerifiedRequest, now: Date): Promise<Record<string, unknown>> {
  const body = parseBody(returnBody, request.body);
  const { mchId } = request.merchant;
  return db().$transaction(async (tx) => {
    const order = await lockedOrder(tx, mchId, body);
    const fingerprint = JSON.stringify([order.orderId, body.return_mchid, body.amount]);
    const earlier = await tx.sandboxWechatReturnOrder.findUnique({ where: { mchId_outReturnNo: { mchId, outReturnNo: body.out_return_no } } });
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) throw invalidRequest('商户回退单号重复，且请求参数与原请求不一致');
      return returnView(order, earlier);
    }
    if (body.amount > (await returnable(tx, order, body.return_mchid))) throw invalidRequest('回退金额超过该接收方可回退的金额');
    const receiver = await tx.sandboxWechatReceiver.findUnique({ where: { mchId_type_account: { mchId, type: 'MERCHANT_ID', account: body.return_mchid } } });
    const abnormal = receiver?.accountAbnormal ?? false;
    const entry = await tx.sandboxWechatReturnOrder.create({
      data: {
        returnId: newOrderId(now),
        mchId,
        outReturnNo: body.out_return_no,
        orderId: order.orderId,
        returnMchId: body.return_mchid,
        amountFen: body.amount,
        description: body.description,
        result: abnormal ? 'FAILED' : 'SUCCESS',
        failReason: abnormal ? 'ACCOUNT_ABNORMAL' : null,
        fingerprint,
        createdAt: now,
        finishedAt: now,
      },
    });
    return returnView(order, entry);
  });
}

export async function queryReturnOrder(request: VerifiedRequest, outReturnNo: string): Promise<Record<string, unknown>> {
  const outOrderNo = request.query.get('out_order_no');
  if (!outOrderNo) throw paramError('out_order_no', '必填', 'query');
  const entry = await db().sandboxWechatReturnOrder.findUnique({ where: { mchId_outReturnNo: { mchId: request.merchant.mchId, outReturnNo } }, include: { order: true } });
  if (!entry || entry.order.outOrderNo !== outOrderNo) throw resourceNotExists('记录不存在');
  return returnView(entry.order, entry);
}
