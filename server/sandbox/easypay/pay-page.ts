// What the simulated pay page shows: the merchant, the order and whether it can still be paid.
import { db } from '@/server/db/client';
import { fenToYuan } from '@/server/gateway/yuan';

export interface EasypayPayPageView {
  tradeNo: string;
  outTradeNo: string;
  merchantName: string;
  name: string;
  type: string;
  amountYuan: string;
  paid: boolean;
  cancelled: boolean;
}

export async function openEasypayPayPage(tradeNo: string): Promise<EasypayPayPageView | null> {
  const trade = await db().sandboxEasypayTrade.findUnique({ where: { tradeNo } });
  if (!trade) return null;
  const account = await db().sandboxAccount.findUnique({ where: { channel_accountId: { channel: 'EASYPAY', accountId: trade.pid } } });
  const channel = account ? await db().paymentChannel.findUnique({ where: { id: account.paymentChannelId }, select: { merchant: { select: { name: true } } } }) : null;
  return {
    tradeNo,
    outTradeNo: trade.outTradeNo,
    merchantName: channel?.merchant.name ?? `商户 ${trade.pid}`,
    name: trade.name,
    type: trade.type,
    amountYuan: fenToYuan(trade.moneyFen),
    paid: trade.paidAt !== null,
    cancelled: trade.cancelledAt !== null,
  };
}
