// The trade bill (交易账单) of one merchant and one Beijing calendar day, in WeChat Pay's text layout:
// a header row, one row per payment and per refund of the day, every field prefixed with a backtick
// (so spreadsheets keep long numbers as text), then the summary header and its one row. Amounts in yuan.
// The sandbox charges no fee.
import { db } from '@/server/db/client';
import type { SandboxWechatRefund, SandboxWechatTrade } from '@/server/db/generated/client';
import { fenToYuan as yuan } from '@/server/gateway/yuan';

const HEADER = [
  '交易时间', '公众账号ID', '商户号', '特约商户号', '设备号', '微信订单号', '商户订单号', '用户标识', '交易类型', '交易状态',
  '付款银行', '货币种类', '应结订单金额', '代金券金额', '微信退款单号', '商户退款单号', '退款金额', '充值券退款金额', '退款类型', '退款状态',
  '商品名称', '商户数据包', '手续费', '费率', '订单金额', '申请退款金额', '费率备注',
];
const SUMMARY_HEADER = ['总交易单数', '应结订单总金额', '退款总金额', '充值券退款总金额', '手续费总金额', '订单总金额', '申请退款总金额'];
const NO_FEE_RATE = '0.00%';

const row = (fields: readonly string[]) => fields.map((field) => `\`${field}`).join(',');

/** Beijing wall-clock "yyyy-MM-dd HH:mm:ss". */
function beijingTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

function dayRange(billDate: string): { gte: Date; lt: Date } {
  const start = new Date(Date.parse(`${billDate}T00:00:00+08:00`));
  return { gte: start, lt: new Date(start.getTime() + 24 * 3600 * 1000) };
}

function tradeFields(trade: SandboxWechatTrade, time: Date, state: string): string[] {
  return [beijingTime(time), trade.appId, trade.mchId, '0', '', trade.transactionId ?? '', trade.outTradeNo, trade.payerOpenId ?? '', trade.tradeType, state, 'OTHERS', trade.currency];
}

function paymentRow(trade: SandboxWechatTrade): string[] {
  const total = yuan(trade.totalFen);
  return [...tradeFields(trade, trade.paidAt!, 'SUCCESS'), total, '0.00', '0', '0', '0.00', '0.00', '', '', trade.description, trade.attach ?? '', '0.00', NO_FEE_RATE, total, '0.00', ''];
}

function refundRow(refund: SandboxWechatRefund & { trade: SandboxWechatTrade }): string[] {
  const { trade } = refund;
  const amount = yuan(refund.refundFen);
  return [
    ...tradeFields(trade, refund.successAt!, 'REFUND'),
    '0.00', '0.00', refund.refundId, refund.outRefundNo, amount, '0.00', 'ORIGINAL', 'SUCCESS',
    trade.description, trade.attach ?? '', '0.00', NO_FEE_RATE, yuan(trade.totalFen), amount, '',
  ];
}

export interface TradeBill {
  text: string;
  rows: number;
}

export async function tradeBill(mchId: string, billDate: string): Promise<TradeBill> {
  const range = dayRange(billDate);
  const payments = await db().sandboxWechatTrade.findMany({ where: { mchId, paidAt: range }, orderBy: { paidAt: 'asc' } });
  const refunds = await db().sandboxWechatRefund.findMany({ where: { mchId, successAt: range }, orderBy: { successAt: 'asc' }, include: { trade: true } });
  const paidFen = payments.reduce((sum, trade) => sum + trade.totalFen, 0);
  const refundedFen = refunds.reduce((sum, refund) => sum + refund.refundFen, 0);
  const lines = [
    HEADER.join(','),
    ...payments.map((trade) => row(paymentRow(trade))),
    ...refunds.map((refund) => row(refundRow(refund))),
    SUMMARY_HEADER.join(','),
    row([String(payments.length + refunds.length), yuan(paidFen), yuan(refundedFen), '0.00', '0.00', yuan(paidFen), yuan(refundedFen)]),
  ];
  return { text: `${lines.join('\r\n')}\r\n`, rows: payments.length + refunds.length };
}
