// The business fields of a trade_status_sync notify, and its outbox row, written in the same transaction
// as the state change it announces.
import { fenToYuan } from '@/server/gateway/yuan';
import type { Tx } from '@/server/db/client';
import type { SandboxAlipayTrade } from '@/server/db/generated/client';
import { toBeijingTime } from '@/server/gateway/beijing-time';
import { maskedLogonId, newNotifyId, sellerIdOf } from './trade-ids';

export type NotifyExtras = Readonly<Record<string, string>>;

export function tradeNotifyParams(trade: SandboxAlipayTrade, extras: NotifyExtras = {}): Record<string, string> {
  const total = fenToYuan(trade.totalFen);
  const params: Record<string, string> = {
    notify_type: 'trade_status_sync',
    app_id: trade.appId,
    auth_app_id: trade.appId,
    charset: 'utf-8',
    version: '1.0',
    sign_type: 'RSA2',
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    seller_id: sellerIdOf(trade.appId),
    trade_status: trade.status,
    total_amount: total,
    subject: trade.subject,
    gmt_create: toBeijingTime(trade.createdAt),
  };
  if (trade.buyerId) Object.assign(params, { buyer_id: trade.buyerId, buyer_logon_id: maskedLogonId(trade.buyerId) });
  if (trade.buyerOpenId) params.buyer_open_id = trade.buyerOpenId;
  if (trade.paidAt) {
    Object.assign(params, {
      gmt_payment: toBeijingTime(trade.paidAt),
      receipt_amount: total,
      invoice_amount: total,
      buyer_pay_amount: total,
      point_amount: '0.00',
      fund_bill_list: JSON.stringify([{ amount: total, fundChannel: 'ALIPAYACCOUNT' }]),
    });
  }
  if (trade.closedAt) params.gmt_close = toBeijingTime(trade.closedAt);
  return { ...params, ...extras };
}

/** Queues the notify for immediate delivery; nothing when the trade has no notify_url. Returns its notify_id. */
export async function enqueueTradeNotification(tx: Tx, trade: SandboxAlipayTrade, now: Date, extras?: NotifyExtras): Promise<string | null> {
  if (!trade.notifyUrl) return null;
  const id = newNotifyId(now);
  await tx.sandboxAlipayNotification.create({
    data: { id, tradeNo: trade.tradeNo, notifyUrl: trade.notifyUrl, params: tradeNotifyParams(trade, extras), nextAttemptAt: now, createdAt: now },
  });
  return id;
}
