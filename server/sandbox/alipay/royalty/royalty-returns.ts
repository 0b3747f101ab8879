// refund_royalty_parameters of alipay.trade.refund: the money a refund takes back from receivers it was
// settled to. Checked in the refund's transaction, under the trade's row lock: a receiver gives back at
// most what was settled to it and not yet returned (else ACQ.ALLOC_AMOUNT_VALIDATE_ERROR), and the
// merchant's own part of the refund must still be held by the merchant (else ACQ.SELLER_BALANCE_NOT_ENOUGH,
// as Alipay refunds from the merchant when no return is named). Either way the refund refunds nothing.
import { z } from 'zod';
import type { Tx } from '@/server/db/client';
import type { SandboxAlipayTrade } from '@/server/db/generated/client';
import { positiveFen } from '../biz-content';
import { businessError, invalidParameter } from '../gateway-error';
import { checkRoyaltyAccount, royaltyAccountType } from './relations';
import { storedDetails } from './settle-trade';

export const refundRoyaltyParameters = z
  .array(z.looseObject({ royalty_type: z.literal('transfer').optional(), trans_out_type: royaltyAccountType, trans_out: z.string().min(1).max(100), amount: z.string() }))
  .min(1)
  .max(20);

/** One return as applied and stored with its refund (amount in fen). */
const royaltyReturn = z.object({ trans_out_type: z.string(), trans_out: z.string(), amount: z.number().int() });

type RoyaltyReturn = z.infer<typeof royaltyReturn>;

/** The returns named by a refund request, in fen. */
export function parseRoyaltyReturns(parameters: z.infer<typeof refundRoyaltyParameters>): RoyaltyReturn[] {
  return parameters.map((parameter, i) => {
    checkRoyaltyAccount(`refund_royalty_parameters[${i}].trans_out`, parameter.trans_out_type, parameter.trans_out);
    return { trans_out_type: parameter.trans_out_type, trans_out: parameter.trans_out, amount: positiveFen(`refund_royalty_parameters[${i}].amount`, parameter.amount) };
  });
}

/** What a receiver holds of this trade: settled to it, less what refunds took back. */
async function heldBy(tx: Tx, tradeNo: string, type: string, account: string): Promise<number> {
  const settles = await tx.sandboxAlipaySettle.findMany({ where: { tradeNo } });
  const refunds = await tx.sandboxAlipayRefund.findMany({ where: { tradeNo } });
  const settled = settles.flatMap(storedDetails).filter((d) => d.trans_in_type === type && d.trans_in === account);
  const returned = refunds.flatMap((refund) => (refund.royaltyReturns ? z.array(royaltyReturn).parse(refund.royaltyReturns) : [])).filter((r) => r.trans_out_type === type && r.trans_out === account);
  return settled.reduce((sum, d) => sum + d.amount, 0) - returned.reduce((sum, r) => sum + r.amount, 0);
}

/** Checks a refund of `refundFen` with these returns against the locked trade; the fen taken back from receivers. */
export async function checkRoyaltyReturns(tx: Tx, trade: SandboxAlipayTrade, refundFen: number, returns: RoyaltyReturn[]): Promise<number> {
  for (const back of returns) {
    if (back.amount > (await heldBy(tx, trade.tradeNo, back.trans_out_type, back.trans_out))) throw businessError('ACQ.ALLOC_AMOUNT_VALIDATE_ERROR', '退分账金额超限：超过已分给该分账方且未退回的金额');
  }
  const returned = returns.reduce((sum, back) => sum + back.amount, 0);
  if (returned > refundFen) throw invalidParameter('refund_royalty_parameters 退分账金额之和不能大于退款金额');
  if (refundFen - returned > trade.totalFen - trade.refundedFen - trade.settledFen) throw businessError('ACQ.SELLER_BALANCE_NOT_ENOUGH', '卖家余额不足：已分账的资金需通过 refund_royalty_parameters 从分账方退回');
  return returned;
}
