import { db } from '@/server/db/client';
import type { SandboxAlipayTrade } from '@/server/db/generated/client';
import { invalidParameter, tradeNotExist } from './gateway-error';

/**
 * The trade a query, close or refund names. A cashier-type trade (page, wap, precreate, app) exists at
 * Alipay only once a buyer has opened it: before that Alipay answers ACQ.TRADE_NOT_EXIST, and so do we.
 */
export async function findVisibleTrade(appId: string, ref: { trade_no?: string; out_trade_no?: string }): Promise<SandboxAlipayTrade> {
  if (!ref.trade_no && !ref.out_trade_no) throw invalidParameter('trade_no 和 out_trade_no 不能同时为空');
  const trade = await db().sandboxAlipayTrade.findFirst({
    where: { appId, ...(ref.trade_no ? { tradeNo: ref.trade_no } : {}), ...(ref.out_trade_no ? { outTradeNo: ref.out_trade_no } : {}) },
  });
  if (!trade || (!trade.seenAt && !trade.paidAt)) throw tradeNotExist();
  return trade;
}
