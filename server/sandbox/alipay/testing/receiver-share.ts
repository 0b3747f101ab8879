// For integration tests: a receiver at the simulated Alipay holds less of a trade than its settles gave
// it (as when part came back outside PayCenter), so that a refund taking back more from it is refused
// whole (ACQ.ALLOC_AMOUNT_VALIDATE_ERROR), as at Alipay. `by` negative gives the fen back.
import type { Prisma } from '@/server/db/generated/client';
import { db } from '@/server/db/client';
import { storedDetails } from '../royalty/settle-trade';

export async function shrinkAlipayReceiverShare(options: { appId: string; outTradeNo: string; account: string; by: number }): Promise<void> {
  const { appId, outTradeNo, account, by } = options;
  const settles = await db().sandboxAlipaySettle.findMany({ where: { trade: { appId, outTradeNo } }, orderBy: { createdAt: 'desc' } });
  const settle = settles.find((candidate) => storedDetails(candidate).some((detail) => detail.trans_in === account && detail.amount > by));
  if (!settle) throw new Error(`no settle of ${outTradeNo} gave ${account} more than ${by} fen`);
  let shrunk = false;
  const details = storedDetails(settle).map((detail) => {
    if (shrunk || detail.trans_in !== account) return detail;
    shrunk = true;
    return { ...detail, amount: detail.amount - by };
  });
  await db().sandboxAlipaySettle.update({ where: { settleNo: settle.settleNo }, data: { details: details satisfies Prisma.InputJsonValue } });
}
