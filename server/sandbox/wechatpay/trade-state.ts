// A trade's state as WeChat reports it: a NOTPAY (or failed) trade past its time_expire reads CLOSED and
// can no longer be paid, whether or not anyone closed it.
import type { SandboxWechatTrade, SandboxWechatTradeState } from '@/server/db/generated/client';

export function effectiveState(trade: SandboxWechatTrade, now: Date): SandboxWechatTradeState {
  const unpaid = trade.state === 'NOTPAY' || trade.state === 'PAYERROR';
  return unpaid && trade.expiresAt && trade.expiresAt <= now ? 'CLOSED' : trade.state;
}

export const TRADE_STATE_DESC: Record<SandboxWechatTradeState, string> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  CLOSED: '已关闭',
  PAYERROR: '支付失败，请重新下单支付',
};
