// submit.php and mapi.php create an order. out_trade_no is unique per merchant: the same request again
// gives the same unpaid order; a paid one, or different details, is refused as epay refuses them.
import { z } from 'zod';
import { db } from '@/server/db/client';
import { Prisma, type SandboxEasypayTrade } from '@/server/db/generated/client';
import { YuanAmountError, yuanToFen } from '@/server/gateway/yuan';
import { newEasypayTradeNo } from './easypay-time';
import { badRequest } from './gateway-error';
import type { EasypayMerchant } from './merchant';

const httpUrl = z.url({ protocol: /^https?$/ });

const createParams = z.object({
  type: z.enum(['alipay', 'wxpay'], { error: '支付方式(type)不支持' }),
  out_trade_no: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: '订单号(out_trade_no)格式错误' }),
  notify_url: httpUrl.max(512, { error: '通知地址(notify_url)过长' }),
  return_url: httpUrl.optional(),
  name: z.string().min(1, { error: '商品名称(name)不能为空' }).max(127, { error: '商品名称(name)过长' }),
  money: z.string(),
  param: z.string().max(255).optional(),
  clientip: z.string().max(64).optional(),
  device: z.string().max(16).optional(),
});

function moneyFen(money: string): number {
  try {
    const fen = yuanToFen(money);
    if (fen > 0) return fen;
  } catch (error) {
    if (!(error instanceof YuanAmountError)) throw error;
  }
  throw badRequest('金额(money)不合法');
}

function sameTrade(existing: SandboxEasypayTrade, wanted: { moneyFen: number; name: string }): SandboxEasypayTrade {
  if (existing.paidAt) throw badRequest('该订单号已支付，请勿重复提交');
  if (existing.moneyFen !== wanted.moneyFen || existing.name !== wanted.name) throw badRequest('订单号已存在，且金额或商品名称不一致');
  return existing;
}

export async function createEasypayTrade(options: { merchant: EasypayMerchant; entry: 'submit.php' | 'mapi.php'; params: Record<string, string>; now: Date }): Promise<SandboxEasypayTrade> {
  const { merchant, entry, now } = options;
  // Empty values are not signed and count as absent, as in PHP.
  const parsed = createParams.safeParse(Object.fromEntries(Object.entries(options.params).filter(([, value]) => value !== '')));
  if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? '参数错误');
  const params = parsed.data;
  const wanted = { moneyFen: moneyFen(params.money), name: params.name };

  const key = { pid_outTradeNo: { pid: merchant.pid, outTradeNo: params.out_trade_no } };
  const existing = await db().sandboxEasypayTrade.findUnique({ where: key });
  if (existing) return sameTrade(existing, wanted);
  try {
    return await db().sandboxEasypayTrade.create({
      data: {
        tradeNo: newEasypayTradeNo(now),
        pid: merchant.pid,
        outTradeNo: params.out_trade_no,
        entry,
        type: params.type,
        ...wanted,
        param: params.param ?? null,
        notifyUrl: params.notify_url,
        returnUrl: params.return_url ?? null,
        clientIp: params.clientip ?? null,
        device: params.device ?? null,
        createdAt: now,
      },
    });
  } catch (error) {
    // Another request created it between our read and write: judge against theirs.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return sameTrade(await db().sandboxEasypayTrade.findUniqueOrThrow({ where: key }), wanted);
    }
    throw error;
  }
}
