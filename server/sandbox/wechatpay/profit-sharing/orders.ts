// POST /v3/profitsharing/orders, GET /v3/profitsharing/orders/{out_order_no}, POST .../orders/unfreeze.
// WeChat's rules: only a paid trade made with settle_info.profit_sharing, only to receivers added
// first, at most 30 % of the trade (WeChat's default ceiling), only funds still held (not refunded,
// not split, not unfrozen); an unfreeze releases the rest and ends splitting. out_order_no is unique
// per merchant and makes a request idempotent. The trade row is locked, so concurrent splits never
// pass the ceiling. Orders finish at once: each receiver's notification is sent before the answer,
// which already reads FINISHED.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { db, type Tx } from '@/server/db/client';
import type { SandboxWechatProfitSharingOrder, SandboxWechatTrade } from '@/server/db/generated/client';
import { toWechatTime } from '@/server/gateway/channels/wechatpay/wechatpay-time';
import { WechatpayApiError, invalidRequest, paramError, resourceNotExists } from '../api-error';
import { parseBody, positiveFen, utf8Text } from '../request-body';
import type { VerifiedRequest } from '../verify-request';
import { receiverType } from './receivers';
import { deliverSplitNotifications, enqueueSplitNotifications } from './split-notifications';

/** WeChat Pay's default ceiling on Σ splits of a trade, in percent. */
export const MAX_SPLIT_PERCENT = 30;

const outOrderNo = z.string({ error: '必填' }).regex(/^[0-9A-Za-z_\-|*@]{1,64}$/, { error: '须为 1-64 个字符，只能是数字、大小写字母及 _-|*@' });
const transactionId = z.string({ error: '必填' }).min(1, { error: '必填' }).max(32);

const orderBody = z.looseObject({
  appid: z.string({ error: '必填' }).min(1).max(32),
  transaction_id: transactionId,
  out_order_no: outOrderNo,
  receivers: z
    .array(z.looseObject({ type: receiverType, account: z.string({ error: '必填' }).min(1).max(64), name: z.string().optional(), amount: positiveFen, description: utf8Text(1, 80) }))
    .min(1, { error: '至少一个接收方' })
    .max(50, { error: '最多 50 个接收方' }),
  unfreeze_unsplit: z.boolean({ error: '必填' }),
});

const unfreezeBody = z.looseObject({ transaction_id: transactionId, out_order_no: outOrderNo, description: utf8Text(1, 80) });

/** A receiver as answered (a type, so Prisma stores it as JSON uncast); the simulator's splits all succeed. */
type ReceiverResult = {
  type: string;
  account: string;
  amount: number;
  description: string;
  result: 'SUCCESS';
  detail_id: string;
  create_time: string;
  finish_time: string;
};

/** WeChat's order numbers of split, unfreeze and return orders (3008…). */
export const newOrderId = (now: Date) => `3008${toWechatTime(now).slice(0, 10).replace(/\D/g, '')}${Array.from({ length: 14 }, () => randomInt(10)).join('')}`;
const newDetailId = () => `36011${Array.from({ length: 24 }, () => randomInt(10)).join('')}`;

function orderView(order: SandboxWechatProfitSharingOrder, trade: SandboxWechatTrade): Record<string, unknown> {
  return { transaction_id: trade.transactionId, out_order_no: order.outOrderNo, order_id: order.orderId, state: 'FINISHED', receivers: order.receivers };
}

/** The trade, locked for this transaction: every split and unfreeze of it runs one at a time. */
async function lockedTrade(tx: Tx, mchId: string, transactionIdValue: string): Promise<SandboxWechatTrade> {
  const [locked] = await tx.$queryRaw<Array<{ prepayId: string }>>`
    SELECT "prepayId" FROM "SandboxWechatTrade" WHERE "transactionId" = ${transactionIdValue} AND "mchId" = ${mchId} FOR UPDATE`;
  if (!locked) throw resourceNotExists('订单不存在');
  return tx.sandboxWechatTrade.findUniqueOrThrow({ where: { prepayId: locked.prepayId } });
}

/** The same out_order_no again: the same order, or a conflicting reuse. */
async function earlierOrder(tx: Tx, mchId: string, outOrderNoValue: string, fingerprint: string): Promise<SandboxWechatProfitSharingOrder | null> {
  const earlier = await tx.sandboxWechatProfitSharingOrder.findUnique({ where: { mchId_outOrderNo: { mchId, outOrderNo: outOrderNoValue } } });
  if (earlier && earlier.fingerprint !== fingerprint) throw invalidRequest('商户分账单号重复，且请求参数与原请求不一致');
  return earlier;
}

function checkSplittable(trade: SandboxWechatTrade): void {
  if (!trade.profitSharing) throw invalidRequest('非分账订单，不支持分账（下单时未设置 settle_info.profit_sharing）');
  if (trade.state !== 'SUCCESS' && trade.state !== 'REFUND') throw invalidRequest('订单未支付，不能分账');
  if (trade.unfrozenAt) throw invalidRequest('订单已完结，剩余资金已解冻，不能再分账');
}

export async function createProfitSharingOrder(request: VerifiedRequest, now: Date): Promise<Record<string, unknown>> {
  const body = parseBody(orderBody, request.body);
  const { mchId, appId } = request.merchant;
  if (body.appid !== appId) throw new WechatpayApiError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
  const fingerprint = JSON.stringify([body.transaction_id, body.receivers.map((r) => [r.type, r.account, r.amount, r.description]), body.unfreeze_unsplit]);
  const made = await db().$transaction(async (tx) => {
    const trade = await lockedTrade(tx, mchId, body.transaction_id);
    const earlier = await earlierOrder(tx, mchId, body.out_order_no, fingerprint);
    if (earlier) return { view: orderView(earlier, trade), notifyIds: [] };
    checkSplittable(trade);
    const known = await tx.sandboxWechatReceiver.findMany({ where: { mchId, OR: body.receivers.map((r) => ({ type: r.type, account: r.account })) } });
    body.receivers.forEach((receiver, index) => {
      if (!known.some((k) => k.type === receiver.type && k.account === receiver.account)) throw paramError(`receivers/${index}/account`, '分账接收方关系不存在，请先添加分账接收方');
    });
    const amount = body.receivers.reduce((sum, receiver) => sum + receiver.amount, 0);
    if ((trade.sharedFen + amount) * 100 > trade.totalFen * MAX_SPLIT_PERCENT) throw invalidRequest(`分账金额超出最大分账比例 ${MAX_SPLIT_PERCENT}%`);
    if (trade.sharedFen + amount > trade.totalFen - trade.refundedFen) throw new WechatpayApiError(403, 'NOT_ENOUGH', '分账金额不足（待分账金额不足）');
    const time = toWechatTime(now);
    const receivers: ReceiverResult[] = body.receivers.map((r) => ({ type: r.type, account: r.account, amount: r.amount, description: r.description, result: 'SUCCESS', detail_id: newDetailId(), create_time: time, finish_time: time }));
    const order = await tx.sandboxWechatProfitSharingOrder.create({
      data: { orderId: newOrderId(now), mchId, outOrderNo: body.out_order_no, prepayId: trade.prepayId, unfreeze: false, receivers, fingerprint, createdAt: now },
    });
    const updated = await tx.sandboxWechatTrade.update({
      where: { prepayId: trade.prepayId },
      data: { sharedFen: { increment: amount }, ...(body.unfreeze_unsplit ? { unfrozenAt: now } : {}) },
    });
    return { view: orderView(order, updated), notifyIds: await enqueueSplitNotifications(tx, { order, trade: updated, receivers, now }) };
  });
  await deliverSplitNotifications(made.notifyIds, now);
  return made.view;
}

export async function unfreezeProfitSharing(request: VerifiedRequest, now: Date): Promise<Record<string, unknown>> {
  const body = parseBody(unfreezeBody, request.body);
  const { mchId } = request.merchant;
  const fingerprint = JSON.stringify([body.transaction_id, 'unfreeze']);
  return db().$transaction(async (tx) => {
    const trade = await lockedTrade(tx, mchId, body.transaction_id);
    const earlier = await earlierOrder(tx, mchId, body.out_order_no, fingerprint);
    if (earlier) return orderView(earlier, trade);
    checkSplittable(trade);
    const time = toWechatTime(now);
    const rest = trade.totalFen - trade.refundedFen - trade.sharedFen;
    // The merchant itself receives what was held: WeChat lists it as the unfreeze's one receiver.
    const receivers: ReceiverResult[] = [{ type: 'MERCHANT_ID', account: mchId, amount: rest, description: body.description, result: 'SUCCESS', detail_id: newDetailId(), create_time: time, finish_time: time }];
    const order = await tx.sandboxWechatProfitSharingOrder.create({
      data: { orderId: newOrderId(now), mchId, outOrderNo: body.out_order_no, prepayId: trade.prepayId, unfreeze: true, receivers, fingerprint, createdAt: now },
    });
    const updated = await tx.sandboxWechatTrade.update({ where: { prepayId: trade.prepayId }, data: { unfrozenAt: now } });
    return orderView(order, updated);
  });
}

export async function queryProfitSharingOrder(request: VerifiedRequest, outOrderNoValue: string): Promise<Record<string, unknown>> {
  const transaction = request.query.get('transaction_id');
  if (!transaction) throw paramError('transaction_id', '必填', 'query');
  const order = await db().sandboxWechatProfitSharingOrder.findUnique({ where: { mchId_outOrderNo: { mchId: request.merchant.mchId, outOrderNo: outOrderNoValue } }, include: { trade: true } });
  if (!order || order.trade.transactionId !== transaction) throw resourceNotExists('记录不存在');
  return orderView(order, order.trade);
}
