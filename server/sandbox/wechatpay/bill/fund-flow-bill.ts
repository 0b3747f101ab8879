// The fund flow bill (资金账单) of a merchant's basic account for one Beijing day, in WeChat Pay's layout
// (as in its published bills): each payment credited (交易/交易/收入, numbered by the transaction, by
// "system") and each refund debited (退款/退款/支出, numbered by the refund id, requested by "<mchid>API"),
// each receiver's share of a split debited (分账/分账/支出, numbered by the split order and its detail),
// and each release of held funds (分账/解冻): held funds never left the account, so a release moves no
// money (0.00, what it released in the remark) but shows when splitting ended. With the running balance
// of the account, then the summary block. Amounts in yuan; no fee in the sandbox.
import { z } from 'zod';
import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';
import { fenToYuan } from '@/server/gateway/yuan';
import { backtickRow, beijingTime, dayRange, type BillText } from './bill-text';

const HEADER = ['记账时间', '微信支付业务单号', '资金流水单号', '业务名称', '业务类型', '收支类型', '收支金额(元)', '账户结余(元)', '资金变更提交申请人', '备注', '业务凭证号'];
const SUMMARY_HEADER = ['资金流水总笔数', '收入笔数', '收入金额', '支出笔数', '支出金额'];

const yuan = (fen: number) => (fen < 0 ? `-${fenToYuan(-fen)}` : fenToYuan(fen));

interface Flow {
  at: Date;
  fen: number;
  fields: (balance: string) => string[];
}

/** The receivers' shares of a split order, as the order answered them. */
const splitShareList = z.array(z.looseObject({ account: z.string(), amount: z.number().int(), description: z.string(), detail_id: z.string() }));

/** The split orders' shares (an unfreeze order's one line is the merchant's own release, not a share). */
async function splitShares(mchId: string, createdAt: Prisma.DateTimeFilter): Promise<Array<{ at: Date; orderId: string; outOrderNo: string; share: z.infer<typeof splitShareList>[number] }>> {
  const orders = await db().sandboxWechatProfitSharingOrder.findMany({ where: { mchId, unfreeze: false, createdAt } });
  return orders.flatMap((order) => splitShareList.parse(order.receivers).map((share) => ({ at: order.createdAt, orderId: order.orderId, outOrderNo: order.outOrderNo, share })));
}

/** The account's balance before `start`: every payment credited, refund and split share debited until then. */
async function openingBalance(mchId: string, start: Date): Promise<number> {
  const [paid, refunded, shares] = await Promise.all([
    db().sandboxWechatTrade.aggregate({ where: { mchId, paidAt: { lt: start } }, _sum: { totalFen: true } }),
    db().sandboxWechatRefund.aggregate({ where: { mchId, successAt: { lt: start } }, _sum: { refundFen: true } }),
    splitShares(mchId, { lt: start }),
  ]);
  return (paid._sum.totalFen ?? 0) - (refunded._sum.refundFen ?? 0) - shares.reduce((sum, { share }) => sum + share.amount, 0);
}

export async function fundFlowBill(mchId: string, billDate: string): Promise<BillText> {
  const range = dayRange(billDate);
  const [payments, refunds, shares, releases, opening] = await Promise.all([
    db().sandboxWechatTrade.findMany({ where: { mchId, paidAt: range } }),
    db().sandboxWechatRefund.findMany({ where: { mchId, successAt: range }, include: { trade: true } }),
    splitShares(mchId, range),
    db().sandboxWechatTrade.findMany({ where: { mchId, unfrozenAt: range }, include: { profitSharingOrders: { orderBy: { createdAt: 'desc' }, take: 1 } } }),
    openingBalance(mchId, range.gte),
  ]);
  const flows: Flow[] = [
    ...payments.map((trade) => {
      const amount = fenToYuan(trade.totalFen);
      const id = trade.transactionId ?? '';
      return { at: trade.paidAt!, fen: trade.totalFen, fields: (balance: string) => [id, id, '交易', '交易', '收入', amount, balance, 'system', `结算总金额 ${amount} 元;含手续费 0.00 元`, trade.outTradeNo] };
    }),
    ...refunds.map((refund) => {
      const amount = fenToYuan(refund.refundFen);
      return { at: refund.successAt!, fen: -refund.refundFen, fields: (balance: string) => [refund.refundId, refund.trade.transactionId ?? '', '退款', '退款', '支出', amount, balance, `${mchId}API`, `退款总金额${amount}元;含手续费0.00元`, refund.outRefundNo] };
    }),
    ...shares.map(({ at, orderId, outOrderNo, share }) => {
      const amount = fenToYuan(share.amount);
      return { at, fen: -share.amount, fields: (balance: string) => [orderId, share.detail_id, '分账', '分账', '支出', amount, balance, `${mchId}API`, `分账给${share.account};${share.description}`, outOrderNo] };
    }),
    ...releases.map((trade) => {
      // The order that ended splitting: an unfreeze, or the last split made with unfreeze_unsplit.
      const order = trade.profitSharingOrders[0];
      const released = fenToYuan(trade.totalFen - trade.refundedFen - trade.sharedFen);
      return { at: trade.unfrozenAt!, fen: 0, fields: (balance: string) => [order?.orderId ?? '', trade.transactionId ?? '', '分账', '解冻', '收入', '0.00', balance, `${mchId}API`, `解冻剩余资金${released}元`, order?.outOrderNo ?? trade.outTradeNo] };
    }),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  let balance = opening;
  const rows = flows.map((flow) => {
    balance += flow.fen;
    return backtickRow([beijingTime(flow.at), ...flow.fields(yuan(balance))]);
  });
  const income = flows.filter((flow) => flow.fen >= 0);
  const expense = flows.filter((flow) => flow.fen < 0);
  const total = (some: Flow[]) => fenToYuan(Math.abs(some.reduce((sum, flow) => sum + flow.fen, 0)));
  const summary = backtickRow([String(flows.length), String(income.length), total(income), String(expense.length), total(expense)]);
  return { text: `${[HEADER.join(','), ...rows, SUMMARY_HEADER.join(','), summary].join('\r\n')}\r\n`, rows: flows.length };
}
