// alipay.trade.order.settle on a simulated trade, in sync mode (the receivers' results are final when
// Alipay answers). The rules Alipay applies, checked under the trade's row lock so that concurrent
// settles and refunds never pass them:
// - only a paid trade created with extend_params.royalty_freeze, and only to receivers bound first;
// - Σ settled ≤ floor(total × 30 %), Alipay's default ceiling of a merchant's royalty ratio, and never
//   more than the funds still held (total − refunded − settled);
// - after a settle with royalty_finish the rest is released: no settle follows (ACQ.ILLEGAL_SETTLE_STATE);
// - out_request_no is the idempotency key: a repeat answers the first settle, other content is refused.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { db, type Tx } from '@/server/db/client';
import type { SandboxAlipaySettle, SandboxAlipayTrade } from '@/server/db/generated/client';
import { businessError, invalidParameter, tradeNotExist } from '../gateway-error';
import { newRoyaltyDetailId, newSettleNo } from '../trade-ids';

/** Alipay's default ceiling of what a merchant may settle to others, in basis points of the trade. */
const ROYALTY_CEILING_BPS = 3000;

/** One receiver's line of a settle as stored (amount in fen); sync settles succeed or are refused whole. */
const royaltyDetail = z.object({
  trans_in_type: z.string(),
  trans_in: z.string(),
  amount: z.number().int(),
  desc: z.string(),
  state: z.literal('SUCCESS'),
  detail_id: z.string(),
  execute_dt: z.string(),
});

type RoyaltyDetail = z.infer<typeof royaltyDetail>;

/** The stored lines of a settle. */
export const storedDetails = (settle: SandboxAlipaySettle): RoyaltyDetail[] => z.array(royaltyDetail).parse(settle.details);

export interface SettleRequest {
  appId: string;
  tradeNo: string;
  outRequestNo: string;
  royaltyFinish: boolean;
  transfers: Array<{ transInType: string; transIn: string; amount: number; desc: string }>;
  executeDt: string;
  now: Date;
}

/** The trade, locked for the rest of the transaction. */
async function lockTrade(tx: Tx, appId: string, tradeNo: string): Promise<SandboxAlipayTrade> {
  await tx.$queryRaw`SELECT 1 FROM "SandboxAlipayTrade" WHERE "tradeNo" = ${tradeNo} FOR UPDATE`;
  const trade = await tx.sandboxAlipayTrade.findUnique({ where: { tradeNo } });
  if (!trade || trade.appId !== appId || !trade.paidAt) throw tradeNotExist();
  return trade;
}

function checkSettleable(trade: SandboxAlipayTrade): void {
  if (trade.status === 'TRADE_CLOSED') throw businessError('ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
  if (!trade.royaltyFreeze) throw businessError('ACQ.TRADE_STATUS_ERROR', '交易状态不合法：交易创建时未冻结分账资金（extend_params.royalty_freeze）');
  if (trade.royaltyFinishedAt) throw businessError('ACQ.ILLEGAL_SETTLE_STATE', '结算状态不合法：该交易的分账已完结，剩余资金已解冻');
}

async function checkRelations(tx: Tx, appId: string, transfers: SettleRequest['transfers']): Promise<void> {
  for (const [i, transfer] of transfers.entries()) {
    const bound = await tx.sandboxAlipayRoyaltyRelation.findUnique({ where: { appId_type_account: { appId, type: transfer.transInType, account: transfer.transIn } } });
    if (!bound) throw invalidParameter(`royalty_parameters[${i}].trans_in 未与商户绑定分账关系，请先调用 alipay.trade.royalty.relation.bind`);
  }
}

function checkAmount(trade: SandboxAlipayTrade, amount: number): void {
  const ceiling = Math.floor((trade.totalFen * ROYALTY_CEILING_BPS) / 10_000);
  const held = trade.totalFen - trade.refundedFen - trade.settledFen;
  if (trade.settledFen + amount > ceiling || amount > held) throw businessError('ACQ.ALLOC_AMOUNT_VALIDATE_ERROR', '分账金额超过最大可分账金额');
}

export async function settleTrade(request: SettleRequest): Promise<SandboxAlipaySettle> {
  const { appId, tradeNo, outRequestNo, royaltyFinish, transfers, now } = request;
  const fingerprint = createHash('sha256').update(JSON.stringify({ royaltyFinish, transfers })).digest('hex');
  return db().$transaction(async (tx) => {
    const trade = await lockTrade(tx, appId, tradeNo);
    const earlier = await tx.sandboxAlipaySettle.findUnique({ where: { tradeNo_outRequestNo: { tradeNo, outRequestNo } } });
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) throw businessError('ACQ.DISCORDANT_REPEAT_REQUEST', '请求信息不一致：同一结算请求流水号 out_request_no 的分账明细与之前不同');
      return earlier;
    }
    checkSettleable(trade);
    await checkRelations(tx, appId, transfers);
    const amount = transfers.reduce((sum, transfer) => sum + transfer.amount, 0);
    checkAmount(trade, amount);
    const details: RoyaltyDetail[] = transfers.map((transfer) => ({
      trans_in_type: transfer.transInType,
      trans_in: transfer.transIn,
      amount: transfer.amount,
      desc: transfer.desc,
      state: 'SUCCESS',
      detail_id: newRoyaltyDetailId(now),
      execute_dt: request.executeDt,
    }));
    await tx.sandboxAlipayTrade.update({
      where: { tradeNo },
      data: { settledFen: { increment: amount }, ...(royaltyFinish ? { royaltyFinishedAt: now } : {}) },
    });
    return tx.sandboxAlipaySettle.create({
      data: { settleNo: newSettleNo(now), tradeNo, outRequestNo, royaltyFinish, details, fingerprint, createdAt: now },
    });
  });
}
