// The simulated buyer's payment fails. At Alipay a failed attempt leaves the trade waiting, and the trade
// closes when its timeout passes; the helper jumps straight to that end: TRADE_CLOSED and its notify.
import { AppError } from '@/server/errors/app-error';
import type { SandboxAlipayTrade } from '@/server/db/generated/client';
import { closeWaitingTrade } from './close-trade';
import { selectTrade, type AlipayTradeSelector } from './trade-selector';

export async function failAlipayTrade(selector: AlipayTradeSelector, now = new Date()): Promise<SandboxAlipayTrade> {
  const trade = await selectTrade(selector);
  const closed = await closeWaitingTrade(trade, now);
  if (closed) return closed;
  const current = await selectTrade({ tradeNo: trade.tradeNo });
  if (current.status === 'TRADE_CLOSED') return current;
  throw new AppError('CONFLICT', `The trade is ${current.status}: a paid trade cannot fail.`);
}
