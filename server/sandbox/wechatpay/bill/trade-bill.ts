// The trade bill (交易账单) of one merchant and one Beijing calendar day, in WeChat Pay's text layout:
// a header row, one row per payment and/or refund of the day, every field prefixed with a backtick
// (so spreadsheets keep long numbers as text), then the summary header and its one row. Amounts in yuan,
// fees at WeChat's five decimals. The columns differ by bill_type (as in WeChat's published bills):
// ALL (27 columns), SUCCESS (payments only, 20), REFUND (refunds only, 29, with the refund's times).
// The sandbox charges no fee.
import { db } from '@/server/db/client';
import type { SandboxWechatRefund, SandboxWechatTrade } from '@/server/db/generated/client';
import { fenToYuan as yuan } from '@/server/gateway/yuan';
import { backtickRow, beijingTime, dayRange, type BillText } from './bill-text';

export const TRADE_BILL_TYPES = ['ALL', 'SUCCESS', 'REFUND'] as const;
export type TradeBillType = (typeof TRADE_BILL_TYPES)[number];

const TRADE = ['交易时间', '公众账号ID', '商户号', '特约商户号', '设备号', '微信订单号', '商户订单号', '用户标识', '交易类型', '交易状态', '付款银行', '货币种类', '应结订单金额', '代金券金额'];
const REFUND = ['微信退款单号', '商户退款单号', '退款金额', '充值券退款金额', '退款类型', '退款状态'];
const GOODS = ['商品名称', '商户数据包', '手续费', '费率'];
const HEADERS: Record<TradeBillType, string[]> = {
  ALL: [...TRADE, ...REFUND, ...GOODS, '订单金额', '申请退款金额', '费率备注'],
  SUCCESS: [...TRADE, ...GOODS, '订单金额', '费率备注'],
  REFUND: [...TRADE, '退款申请时间', '退款成功时间', ...REFUND, ...GOODS, '订单金额', '申请退款金额', '费率备注'],
};
const SUMMARY_HEADER = ['总交易单数', '应结订单总金额', '退款总金额', '充值券退款总金额', '手续费总金额', '订单总金额', '申请退款总金额'];
const NO_FEE = '0.00000';
const NO_FEE_RATE = '0.00%';

type RefundWithTrade = SandboxWechatRefund & { trade: SandboxWechatTrade };

function tradeFields(trade: SandboxWechatTrade, time: Date, state: string, settled: string): string[] {
  return [beijingTime(time), trade.appId, trade.mchId, '0', '', trade.transactionId ?? '', trade.outTradeNo, trade.payerOpenId ?? '', trade.tradeType, state, 'OTHERS', trade.currency, settled, '0.00'];
}

const goods = (trade: SandboxWechatTrade) => [trade.description, trade.attach ?? '', NO_FEE, NO_FEE_RATE];
const refundFields = (refund: SandboxWechatRefund) => [refund.refundId, refund.outRefundNo, yuan(refund.refundFen), '0.00', 'ORIGINAL', 'SUCCESS'];

function paymentRow(trade: SandboxWechatTrade, billType: 'ALL' | 'SUCCESS'): string[] {
  const total = yuan(trade.totalFen);
  const head = tradeFields(trade, trade.paidAt!, 'SUCCESS', total);
  if (billType === 'SUCCESS') return [...head, ...goods(trade), total, ''];
  return [...head, '0', '0', '0.00', '0.00', '', '', ...goods(trade), total, '0.00', ''];
}

function refundRow(refund: RefundWithTrade, billType: 'ALL' | 'REFUND'): string[] {
  const { trade } = refund;
  const amount = yuan(refund.refundFen);
  // As in published ALL bills, a refund row's 订单金额 is 0.00: the footer's 订单总金额 counts payments only.
  if (billType === 'ALL') return [...tradeFields(trade, refund.successAt!, 'REFUND', '0.00'), ...refundFields(refund), ...goods(trade), '0.00', amount, ''];
  // The refund bill dates each row by its trade and gives the refund's own times beside it.
  return [...tradeFields(trade, trade.paidAt!, 'REFUND', '0.00'), beijingTime(refund.createdAt), beijingTime(refund.successAt!), ...refundFields(refund), ...goods(trade), '0.00', amount, ''];
}

export async function tradeBill(mchId: string, billDate: string, billType: TradeBillType): Promise<BillText> {
  const range = dayRange(billDate);
  const payments = billType === 'REFUND' ? [] : await db().sandboxWechatTrade.findMany({ where: { mchId, paidAt: range }, orderBy: { paidAt: 'asc' } });
  const refunds = billType === 'SUCCESS' ? [] : await db().sandboxWechatRefund.findMany({ where: { mchId, successAt: range }, orderBy: { successAt: 'asc' }, include: { trade: true } });
  const paidFen = payments.reduce((sum, trade) => sum + trade.totalFen, 0);
  const refundedFen = refunds.reduce((sum, refund) => sum + refund.refundFen, 0);
  const lines = [
    HEADERS[billType].join(','),
    ...payments.map((trade) => backtickRow(paymentRow(trade, billType === 'SUCCESS' ? 'SUCCESS' : 'ALL'))),
    ...refunds.map((refund) => backtickRow(refundRow(refund, billType === 'REFUND' ? 'REFUND' : 'ALL'))),
    SUMMARY_HEADER.join(','),
    backtickRow([String(payments.length + refunds.length), yuan(paidFen), yuan(refundedFen), '0.00', NO_FEE, yuan(paidFen), yuan(refundedFen)]),
  ];
  return { text: `${lines.join('\r\n')}\r\n`, rows: payments.length + refunds.length };
}
