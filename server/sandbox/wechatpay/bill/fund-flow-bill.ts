// The fund flow bill (资金账单) of a merchant's basic account for one Beijing day, in WeChat Pay's layout
// (as in its published bills): each payment credited (交易/交易/收入, numbered by the transaction, by
// "system") and each refund debited (退款/退款/支出, numbered by the refund id, requested by "<mchid>API"),
// with the running balance of the account, then the summary block. Amounts in yuan; no fee in the sandbox.
import { db } from '@/server/db/client';
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

/** The account's balance before `start`: every payment credited and refund debited until then. */
async function openingBalance(mchId: string, start: Date): Promise<number> {
  const [paid, refunded] = await Promise.all([
    db().sandboxWechatTrade.aggregate({ where: { mchId, paidAt: { lt: start } }, _sum: { totalFen: true } }),
    db().sandboxWechatRefund.aggregate({ where: { mchId, successAt: { lt: start } }, _sum: { refundFen: true } }),
  ]);
  return (paid._sum.totalFen ?? 0) - (refunded._sum.refundFen ?? 0);
}

export async function fundFlowBill(mchId: string, billDate: string): Promise<BillText> {
  const range = dayRange(billDate);
  const [payments, refunds, opening] = await Promise.all([
    db().sandboxWechatTrade.findMany({ where: { mchId, paidAt: range } }),
    db().sandboxWechatRefund.findMany({ where: { mchId, successAt: range }, include: { trade: true } }),
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
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  let balance = opening;
  const rows = flows.map((flow) => {
    balance += flow.fen;
    return backtickRow([beijingTime(flow.at), ...flow.fields(yuan(balance))]);
  });
  const income = payments.reduce((sum, trade) => sum + trade.totalFen, 0);
  const expense = refunds.reduce((sum, refund) => sum + refund.refundFen, 0);
  const summary = backtickRow([String(flows.length), String(payments.length), fenToYuan(income), String(refunds.length), fenToYuan(expense)]);
  return { text: `${[HEADER.join(','), ...rows, SUMMARY_HEADER.join(','), summary].join('\r\n')}\r\n`, rows: flows.length };
}
