import { db } from '@/server/db/client';
import type { SandboxWechatTrade } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';

/**
 * How the sandbox helpers and the payment pages name a trade: the center knows (mchid, out_trade_no);
 * the QR code and the H5 URL carry a token; the payment sheet a prepay_id.
 */
export type WechatpayTradeSelector = { mchId: string; outTradeNo: string } | { payToken: string } | { prepayId: string };

export async function findSelectedTrade(selector: WechatpayTradeSelector): Promise<SandboxWechatTrade | null> {
  if ('payToken' in selector) return db().sandboxWechatTrade.findUnique({ where: { payToken: selector.payToken } });
  if ('prepayId' in selector) return db().sandboxWechatTrade.findUnique({ where: { prepayId: selector.prepayId } });
  return db().sandboxWechatTrade.findUnique({ where: { mchId_outTradeNo: selector } });
}

export async function selectTrade(selector: WechatpayTradeSelector): Promise<SandboxWechatTrade> {
  const trade = await findSelectedTrade(selector);
  if (!trade) throw new AppError('NOT_FOUND', 'The WeChat Pay simulator has no such trade.');
  return trade;
}
