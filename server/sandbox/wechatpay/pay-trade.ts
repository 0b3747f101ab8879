// The simulated user pays, or the payment fails. A payment makes the trade SUCCESS and queues the
// TRANSACTION.SUCCESS callback in the same transaction; a failure leaves the trade PAYERROR, which
// WeChat announces to nobody (the merchant learns it by querying), and the user may still pay later.
import { db } from '@/server/db/client';
import type { SandboxWechatTrade } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { deliverWechatpayNotification, enqueueWechatpayNotification } from './notifications';
import { newOpenId, newTransactionId } from './trade-ids';
import { effectiveState } from './trade-state';
import { transactionView } from './transaction-view';
import { selectTrade, type WechatpayTradeSelector } from './trade-selector';

function payable(trade: SandboxWechatTrade, now: Date): void {
  const state = effectiveState(trade, now);
  if (state !== 'NOTPAY' && state !== 'PAYERROR') throw new AppError('CONFLICT', `The trade is ${state} and can no longer be paid.`);
}

export async function payWechatpayTrade(selector: WechatpayTradeSelector, now = new Date()): Promise<SandboxWechatTrade> {
  const trade = await selectTrade(selector);
  // Paying twice is harmless (a double tap).
  if (trade.state === 'SUCCESS' || trade.state === 'REFUND') return trade;
  payable(trade, now);
  const result = await db().$transaction(async (tx) => {
    const won = await tx.sandboxWechatTrade.updateMany({
      where: { prepayId: trade.prepayId, state: { in: ['NOTPAY', 'PAYERROR'] }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      data: { state: 'SUCCESS', paidAt: now, transactionId: newTransactionId(now), payerOpenId: trade.payerOpenId ?? newOpenId() },
    });
    const paid = await tx.sandboxWechatTrade.findUniqueOrThrow({ where: { prepayId: trade.prepayId } });
    if (won.count !== 1) return { paid, notifyId: null };
    const notifyId = await enqueueWechatpayNotification(
      tx,
      { mchId: paid.mchId, notifyUrl: paid.notifyUrl, eventType: 'TRANSACTION.SUCCESS', summary: '支付成功', resourceKind: 'transaction', resource: transactionView(paid, now) as never },
      now,
    );
    return { paid, notifyId };
  });
  if (result.paid.state !== 'SUCCESS' && result.paid.state !== 'REFUND') payable(result.paid, now);
  if (result.notifyId) await deliverWechatpayNotification(result.notifyId, now);
  return result.paid;
}

export async function failWechatpayTrade(selector: WechatpayTradeSelector, now = new Date()): Promise<SandboxWechatTrade> {
  const trade = await selectTrade(selector);
  payable(trade, now);
  await db().sandboxWechatTrade.updateMany({ where: { prepayId: trade.prepayId, state: 'NOTPAY' }, data: { state: 'PAYERROR' } });
  const current = await selectTrade({ prepayId: trade.prepayId });
  if (current.state !== 'PAYERROR') throw new AppError('CONFLICT', `The trade is ${current.state}: it can no longer fail.`);
  return current;
}
