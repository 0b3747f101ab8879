// Creating a trade, as every paying method does. out_trade_no is unique per app: repeating a create with
// the same details returns the same trade; different details are a tampering attempt to Alipay.
import { z } from 'zod';
import { db } from '@/server/db/client';
import type { SandboxAlipayTrade } from '@/server/db/generated/client';
import { outTradeNo, parseBiz, positiveFen } from './biz-content';
import { businessError, invalidParameter } from './gateway-error';
import { newTradeNo } from './trade-ids';

export const CREATE_METHODS = {
  'alipay.trade.page.pay': 'FAST_INSTANT_TRADE_PAY',
  'alipay.trade.wap.pay': 'QUICK_WAP_WAY',
  'alipay.trade.app.pay': 'QUICK_MSECURITY_PAY',
  'alipay.trade.precreate': 'FACE_TO_FACE_PAYMENT',
  'alipay.trade.create': 'JSAPI_PAY',
} as const;

export type CreateMethod = keyof typeof CREATE_METHODS;

export function isCreateMethod(method: string): method is CreateMethod {
  return Object.hasOwn(CREATE_METHODS, method);
}

const createBiz = z.looseObject({
  out_trade_no: outTradeNo,
  total_amount: z.string(),
  subject: z.string().min(1).max(256),
  product_code: z.string().optional(),
  buyer_id: z.string().min(1).optional(),
  buyer_open_id: z.string().min(1).optional(),
  extend_params: z.looseObject({ royalty_freeze: z.enum(['true', 'false'], { error: '须为 true 或 false' }).optional() }).optional(),
});

export interface CreateTradeOptions {
  appId: string;
  method: CreateMethod;
  bizContent: unknown;
  notifyUrl?: string;
  returnUrl?: string;
  now: Date;
}

function sameTrade(existing: SandboxAlipayTrade, wanted: { totalFen: number; subject: string }): SandboxAlipayTrade {
  if (existing.status === 'TRADE_SUCCESS' || existing.status === 'TRADE_FINISHED') throw businessError('ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
  if (existing.status === 'TRADE_CLOSED') throw businessError('ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
  if (existing.totalFen !== wanted.totalFen || existing.subject !== wanted.subject) {
    throw businessError('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改：同一商户订单号的金额或标题与之前不一致');
  }
  return existing;
}

export async function createAlipayTrade(options: CreateTradeOptions): Promise<SandboxAlipayTrade> {
  const { appId, method, now } = options;
  const biz = parseBiz(createBiz, options.bizContent);
  const productCode = CREATE_METHODS[method];
  // precreate also takes the older QR_CODE_OFFLINE; every other method needs its own product.
  const acceptedCodes: readonly string[] = method === 'alipay.trade.precreate' ? [productCode, 'QR_CODE_OFFLINE'] : [productCode];
  if (biz.product_code !== undefined && !acceptedCodes.includes(biz.product_code)) throw invalidParameter(`product_code 应为 ${productCode}`);
  if (method === 'alipay.trade.create' && !biz.buyer_id && !biz.buyer_open_id) throw invalidParameter('buyer_id 和 buyer_open_id 不能同时为空');
  const wanted = { totalFen: positiveFen('total_amount', biz.total_amount), subject: biz.subject };

  const key = { appId_outTradeNo: { appId, outTradeNo: biz.out_trade_no } };
  // Inserted unless the out_trade_no exists (also when another instance inserted it a moment ago): then judged against that trade.
  const [created] = await db().sandboxAlipayTrade.createManyAndReturn({
    skipDuplicates: true,
    data: [
      {
        tradeNo: newTradeNo(now),
        appId,
        outTradeNo: biz.out_trade_no,
        method,
        productCode: biz.product_code ?? productCode,
        ...wanted,
        notifyUrl: options.notifyUrl || null,
        returnUrl: options.returnUrl || null,
        buyerId: biz.buyer_id ?? null,
        buyerOpenId: biz.buyer_open_id ?? null,
        royaltyFreeze: biz.extend_params?.royalty_freeze === 'true',
        // A mini-program trade has its buyer from the start, so Alipay knows it at once.
        seenAt: method === 'alipay.trade.create' ? now : null,
        createdAt: now,
      },
    ],
  });
  return created ?? sameTrade(await db().sandboxAlipayTrade.findUniqueOrThrow({ where: key }), wanted);
}
