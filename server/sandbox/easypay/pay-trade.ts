// The simulated buyer pays on the pay page (or through the sandbox helper): the order becomes paid
// (status 1) and its callback is sent right away, retried by deliverDueEasypayNotifications.
import { db } from '@/server/db/client';
import type { SandboxEasypayTrade } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { deliverEasypayNotification } from './deliver-notifications';
import { enqueueTradeNotification, signedTradeParams, tradeNotifyParams, withParams } from './trade-notification';

/** How the sandbox helpers and the pay page name an order: the center knows (pid, out_trade_no), the page the trade_no. */
export type EasypayTradeSelector = { pid: string; outTradeNo: string } | { tradeNo: string };

export async function selectEasypayTrade(selector: EasypayTradeSelector): Promise<SandboxEasypayTrade> {
  const trade =
    'tradeNo' in selector
      ? await db().sandboxEasypayTrade.findUnique({ where: { tradeNo: selector.tradeNo } })
      : await db().sandboxEasypayTrade.findUnique({ where: { pid_outTradeNo: { pid: selector.pid, outTradeNo: selector.outTradeNo } } });
  if (!trade) throw new AppError('NOT_FOUND', 'The EasyPay simulator has no such order (open the submit URL or call mapi.php first).');
  return trade;
}

export interface PaidEasypayTrade {
  trade: SandboxEasypayTrade;
  /** Where the buyer's browser goes next: return_url with the signed fields, when the order has one. */
  returnUrl: string | null;
}

export async function payEasypayTrade(selector: EasypayTradeSelector, now = new Date()): Promise<PaidEasypayTrade> {
  const trade = await selectEasypayTrade(selector);
  const { paid, notifyId } = await db().$transaction(async (tx) => {
    const won = await tx.sandboxEasypayTrade.updateMany({ where: { tradeNo: trade.tradeNo, paidAt: null }, data: { paidAt: now, cancelledAt: null } });
    const current = await tx.sandboxEasypayTrade.findUniqueOrThrow({ where: { tradeNo: trade.tradeNo } });
    // Paying twice (a double click) sends nothing more.
    return { paid: current, notifyId: won.count === 1 ? await enqueueTradeNotification(tx, current, now) : null };
  });
  if (notifyId) await deliverEasypayNotification(notifyId, now);
  const signed = paid.returnUrl ? await signedTradeParams(tradeNotifyParams(paid)) : null;
  return { trade: paid, returnUrl: paid.returnUrl && signed ? withParams(paid.returnUrl, signed) : null };
}

/** The buyer gives up. epay has no failed or closed order: it stays unpaid and sends nothing. */
export async function cancelEasypayTrade(selector: EasypayTradeSelector, now = new Date()): Promise<SandboxEasypayTrade> {
  const trade = await selectEasypayTrade(selector);
  if (trade.paidAt) throw new AppError('CONFLICT', 'The order is paid: a paid order cannot fail.');
  await db().sandboxEasypayTrade.updateMany({ where: { tradeNo: trade.tradeNo, paidAt: null }, data: { cancelledAt: now } });
  return selectEasypayTrade({ tradeNo: trade.tradeNo });
}
