// The synchronous return after a page or wap payment: the browser goes to return_url with Alipay's signed
// parameters (method "<create method>.return"; sign_type is sent but not signed).
import type { SandboxAlipayTrade } from '@/server/db/generated/client';
import { fenToYuan } from '@/server/gateway/yuan';
import { toBeijingTime } from '@/server/gateway/beijing-time';
import { signedParams } from './simulator-signature';
import { sellerIdOf } from './trade-ids';

export async function signedReturnUrl(trade: SandboxAlipayTrade, now: Date): Promise<string | null> {
  if (!trade.returnUrl || (trade.method !== 'alipay.trade.page.pay' && trade.method !== 'alipay.trade.wap.pay')) return null;
  const params = await signedParams({
    charset: 'utf-8',
    out_trade_no: trade.outTradeNo,
    method: `${trade.method}.return`,
    total_amount: fenToYuan(trade.totalFen),
    trade_no: trade.tradeNo,
    auth_app_id: trade.appId,
    version: '1.0',
    app_id: trade.appId,
    sign_type: 'RSA2',
    seller_id: sellerIdOf(trade.appId),
    timestamp: toBeijingTime(now),
  });
  const url = new URL(trade.returnUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}
