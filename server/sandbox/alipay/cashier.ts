// What the simulated cashier page shows. Opening it is the buyer "scanning" the trade: from then on Alipay
// knows the trade, so query and close find it.
import { db } from '@/server/db/client';
import type { SandboxAlipayTradeStatus } from '@/server/db/generated/client';
import { fenToYuan } from '@/server/gateway/yuan';

export interface CashierView {
  tradeNo: string;
  outTradeNo: string;
  subject: string;
  amountYuan: string;
  status: SandboxAlipayTradeStatus;
}

export async function openAlipayCashier(tradeNo: string, now = new Date()): Promise<CashierView | null> {
  await db().sandboxAlipayTrade.updateMany({ where: { tradeNo, seenAt: null }, data: { seenAt: now } });
  const trade = await db().sandboxAlipayTrade.findUnique({ where: { tradeNo } });
  if (!trade) return null;
  return { tradeNo, outTradeNo: trade.outTradeNo, subject: trade.subject, amountYuan: fenToYuan(trade.totalFen), status: trade.status };
}
