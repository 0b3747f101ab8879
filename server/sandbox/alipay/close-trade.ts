// WAIT_BUYER_PAY → TRADE_CLOSED, by the merchant (alipay.trade.close) or because the simulated buyer's
// payment failed and the trade timed out. Alipay announces TRADE_CLOSED with a notify.
import { db } from '@/server/db/client';
import type { SandboxAlipayTrade } from '@/server/db/generated/client';
import { deliverAlipayNotification } from './deliver-notifications';
import { enqueueTradeNotification } from './trade-notification';

/** The closed trade, or null when it was not waiting for payment (already paid or closed). */
export async function closeWaitingTrade(trade: SandboxAlipayTrade, now: Date): Promise<SandboxAlipayTrade | null> {
  const result = await db().$transaction(async (tx) => {
    const won = await tx.sandboxAlipayTrade.updateMany({
      where: { tradeNo: trade.tradeNo, status: 'WAIT_BUYER_PAY' },
      data: { status: 'TRADE_CLOSED', closedAt: now, seenAt: trade.seenAt ?? now },
    });
    if (won.count !== 1) return null;
    const closed = await tx.sandboxAlipayTrade.findUniqueOrThrow({ where: { tradeNo: trade.tradeNo } });
    return { closed, notifyId: await enqueueTradeNotification(tx, closed, now) };
  });
  if (!result) return null;
  if (result.notifyId) await deliverAlipayNotification(result.notifyId, now);
  return result.closed;
}
