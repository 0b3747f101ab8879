// POST /v3/pay/transactions/{native|h5|jsapi|app}. out_trade_no is unique per merchant: repeating an
// order with the same details answers the same code_url / h5_url / prepay_id; different details are
// "201 商户订单号重复", as at WeChat.
import { z } from 'zod';
import { db } from '@/server/db/client';
import { Prisma, type SandboxWechatTrade } from '@/server/db/generated/client';
import { fromWechatTime } from '@/server/gateway/channels/wechatpay/wechatpay-time';
import { WechatpayApiError, invalidRequest, paramError } from './api-error';
import { codeUrl, h5Url } from './pay-urls';
import { currency, notifyUrl, parseBody, positiveFen, utf8Text } from './request-body';
import { effectiveState } from './trade-state';
import { tradeTypeOf } from './transaction-view';
import { newPayToken, newPrepayId } from './trade-ids';
import type { VerifiedRequest } from './verify-request';

export const PRODUCTS = ['native', 'h5', 'jsapi', 'app'] as const;
export type Product = (typeof PRODUCTS)[number];

const orderBody = z.looseObject({
  appid: z.string({ error: '必填' }).min(1, { error: '必填' }).max(32),
  mchid: z.string({ error: '必填' }).min(1, { error: '必填' }).max(32),
  description: utf8Text(1, 127),
  out_trade_no: z.string({ error: '必填' }).regex(/^[0-9A-Za-z_\-|*]{6,32}$/, { error: '须为 6-32 个字符，只能是数字、大小写字母及 _-|*' }),
  time_expire: z.string().optional(),
  attach: utf8Text(0, 128).optional(),
  notify_url: notifyUrl,
  amount: z.looseObject({ total: positiveFen, currency }),
  payer: z.looseObject({ openid: z.string().min(1).max(128) }).optional(),
  settle_info: z.looseObject({ profit_sharing: z.boolean({ error: '必须是布尔值' }).optional() }).optional(),
  scene_info: z
    .looseObject({
      payer_client_ip: z.string({ error: '必填' }).min(1, { error: '必填' }).max(45),
      device_id: z.string().max(32).optional(),
      h5_info: z.looseObject({ type: z.enum(['iOS', 'Android', 'Wap'], { error: '须为 iOS、Android 或 Wap' }) }).optional(),
    })
    .optional(),
});
type OrderBody = z.infer<typeof orderBody>;

function checkProduct(product: Product, order: OrderBody): void {
  if (product === 'jsapi' && !order.payer) throw paramError('payer', 'JSAPI 下单必须传 payer.openid');
  if (product === 'h5') {
    if (!order.scene_info) throw paramError('scene_info', 'H5 下单必须传 scene_info');
    if (!order.scene_info.h5_info) throw paramError('scene_info/h5_info', 'H5 下单必须传 scene_info.h5_info');
  }
}

/** What must match when an out_trade_no is ordered again. */
function fingerprintOf(product: Product, order: OrderBody): string {
  return JSON.stringify([
    tradeTypeOf(product),
    order.appid,
    order.description,
    order.amount.total,
    order.amount.currency,
    order.payer?.openid ?? null,
    order.attach ?? null,
    // Appended only when asked, so trades made before splitting existed keep their fingerprints.
    ...(order.settle_info?.profit_sharing ? ['profit_sharing'] : []),
  ]);
}

function sameOrder(existing: SandboxWechatTrade, fingerprint: string, now: Date): SandboxWechatTrade {
  const state = effectiveState(existing, now);
  if (state === 'SUCCESS' || state === 'REFUND') throw new WechatpayApiError(400, 'ORDERPAID', '该订单已支付');
  if (state === 'CLOSED') throw new WechatpayApiError(400, 'ORDER_CLOSED', '订单已关闭');
  if (existing.fingerprint !== fingerprint) throw invalidRequest('201 商户订单号重复');
  return existing;
}

function answer(product: Product, trade: SandboxWechatTrade): Record<string, string> {
  switch (product) {
    case 'native':
      return { code_url: codeUrl(trade.payToken) };
    case 'h5':
      return { h5_url: h5Url(trade.payToken, trade.prepayId) };
    case 'jsapi':
    case 'app':
      return { prepay_id: trade.prepayId };
  }
}

export async function createTransaction(request: VerifiedRequest, product: Product, now: Date): Promise<Record<string, string>> {
  const order = parseBody(orderBody, request.body);
  const { merchant } = request;
  if (order.mchid !== merchant.mchId) throw paramError('mchid', '与 Authorization 中的商户号不一致');
  if (order.appid !== merchant.appId) throw new WechatpayApiError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
  checkProduct(product, order);
  const expiresAt = order.time_expire === undefined ? null : fromWechatTime(order.time_expire);
  if (order.time_expire !== undefined && (!expiresAt || expiresAt <= now)) throw paramError('time_expire', '须为未来的 RFC 3339 时间，如 2026-12-01T20:15:00+08:00');
  const fingerprint = fingerprintOf(product, order);

  const key = { mchId_outTradeNo: { mchId: merchant.mchId, outTradeNo: order.out_trade_no } };
  const existing = await db().sandboxWechatTrade.findUnique({ where: key });
  if (existing) return answer(product, sameOrder(existing, fingerprint, now));
  try {
    const trade = await db().sandboxWechatTrade.create({
      data: {
        prepayId: newPrepayId(now),
        mchId: merchant.mchId,
        appId: order.appid,
        outTradeNo: order.out_trade_no,
        tradeType: tradeTypeOf(product),
        description: order.description,
        totalFen: order.amount.total,
        currency: order.amount.currency,
        notifyUrl: order.notify_url,
        attach: order.attach ?? null,
        payerOpenId: order.payer?.openid ?? null,
        profitSharing: order.settle_info?.profit_sharing ?? false,
        fingerprint,
        payToken: newPayToken(),
        expiresAt,
        createdAt: now,
      },
    });
    return answer(product, trade);
  } catch (error) {
    // Another instance created it between our read and write: judge against theirs.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return answer(product, sameOrder(await db().sandboxWechatTrade.findUniqueOrThrow({ where: key }), fingerprint, now));
    }
    throw error;
  }
}
