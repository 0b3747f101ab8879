// The simulated buyer pays (cashier page or the sandbox test helper): WAIT_BUYER_PAY → TRADE_SUCCESS and
// the TRADE_SUCCESS notify, sent right away and retried by deliverDueAlipayNotifications.
import { db } from '@/server/db/client';
import type { SandboxAlipayTrade } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { deliverAlipayNotification } from './deliver-notifications';
import { signedReturnUrl } from './return-url';
import { enqueueTradeNotification } from './trade-notification';
import { newBuyerId } from './trade-ids';
import { selectTrade, type AlipayTradeSelector } from './trade-selector';

export interface PaidAlipayTrade {
  trade: SandboxAlipayTrade;
  /** Where the buyer's browser goes next (page and wap payments with a return_url), signed. */
  returnUrl: string | null;
}

export async function payAlipayTrade(selector: AlipayTradeSelector, now = new Date()): Promise<PaidAlipayTrade> {
  const trade = await selectTrade(selector);
  const { paid, notifyId } = await db().$transaction(async (tx) => {
    const won = await tx.sandboxAlipayTrade.updateMany({
      where: { tradeNo: trade.tradeNo, status: 'WAIT_BUYER_PAY' },
      data: { status: 'TRADE_SUCCESS', paidAt: now, seenAt: trade.seenAt ?? now, buyerId: trade.buyerId ?? newBuyerId() },
    });
    const current = await tx.sandboxAlipayTrade.findUniqueOrThrow({ where: { tradeNo: trade.tradeNo } });
    return { paid: current, notifyId: won.count === 1 ? await enqueueTradeNotification(tx, current, now) : null };
  });
  // Paying twice is harmless (a double click); paying a closed trade is not possible at Alipay either.
  if (paid.status !== 'TRADE_SUCCESS' && paid.status !== 'TRADE_FINISHED') throw new AppError('CONFLICT', `The trade is ${paid.status} and can no longer be paid.`);
  if (notifyId) await deliverAlipayNotification(notifyId, now);
  return { trade: paid, returnUrl: await signedReturnUrl(paid, now) };
}
