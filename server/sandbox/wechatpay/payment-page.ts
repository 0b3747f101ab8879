// What the simulated payment pages show: the scanned QR code, the H5 cashier, the WeChat client's
// payment sheet for a prepay_id. Each names the trade its own way (see trade-selector).
import type { SandboxWechatTradeState } from '@/server/db/generated/client';
import { fenToYuan } from '@/server/gateway/yuan';
import { effectiveState } from './trade-state';
import { findSelectedTrade, type WechatpayTradeSelector } from './trade-selector';

export interface WechatpayPaymentView {
  prepayId: string;
  mchId: string;
  outTradeNo: string;
  description: string;
  amountYuan: string;
  state: SandboxWechatTradeState;
  transactionId: string | null;
}

export async function openWechatpayPayment(selector: WechatpayTradeSelector, now = new Date()): Promise<WechatpayPaymentView | null> {
  const trade = await findSelectedTrade(selector);
  if (!trade) return null;
  return {
    prepayId: trade.prepayId,
    mchId: trade.mchId,
    outTradeNo: trade.outTradeNo,
    description: trade.description,
    amountYuan: fenToYuan(trade.totalFen),
    state: effectiveState(trade, now),
    transactionId: trade.transactionId,
  };
}
