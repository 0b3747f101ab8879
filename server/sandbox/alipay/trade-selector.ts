import { db } from '@/server/db/client';
import type { SandboxAlipayTrade } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';

/** How the sandbox helpers and the cashier name a trade: the center knows (app_id, out_trade_no), the cashier URL the trade_no. */
export type AlipayTradeSelector = { appId: string; outTradeNo: string } | { tradeNo: string };

export async function selectTrade(selector: AlipayTradeSelector): Promise<SandboxAlipayTrade> {
  const trade =
    'tradeNo' in selector
      ? await db().sandboxAlipayTrade.findUnique({ where: { tradeNo: selector.tradeNo } })
      : await db().sandboxAlipayTrade.findUnique({ where: { appId_outTradeNo: { appId: selector.appId, outTradeNo: selector.outTradeNo } } });
  if (!trade) throw new AppError('NOT_FOUND', 'The Alipay simulator has no such trade (for an APP payment, open its order string first).');
  return trade;
}
