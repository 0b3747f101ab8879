// The trade bill ("业务明细") of one app for one Beijing day or month, in Alipay's CSV layout: `#` comment
// header, one row per payment (交易), refund (退款) and receiver's share of a settle (分账, money split off
// to the receiver, written negative as refunds are), each value tab-padded as Alipay writes them, and a
// summary file ("业务明细(汇总)") whose amounts are the net of them all.
import { db } from '@/server/db/client';
import type { SandboxAlipayTrade } from '@/server/db/generated/client';
import { fenToYuan } from '@/server/gateway/yuan';
import { toBeijingTime, beijingDayStart } from '@/server/gateway/beijing-time';
import { storedDetails } from '../royalty/settle-trade';
import { sellerIdOf } from '../trade-ids';

const RULE = '-----------------------------------------';
const DETAIL_COLUMNS =
  '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注';
const SUMMARY_COLUMNS = '门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）';

export interface BillFile {
  name: string;
  text: string;
}

/** One receiver's share of an alipay.trade.order.settle, settled in the bill's period. */
interface AlipaySettleLine {
  trade: Pick<SandboxAlipayTrade, 'tradeNo' | 'outTradeNo' | 'subject' | 'createdAt'>;
  /** The settle's out_request_no. */
  outRequestNo: string;
  /** royalty_parameters[].trans_in: the receiver's account. */
  transIn: string;
  amountFen: number;
  description: string | null;
  settledAt: Date;
}

/** [start, end) of a bill_date "yyyy-MM-dd" or "yyyy-MM", Beijing time. */
export function billPeriod(billDate: string): { start: Date; end: Date } {
  const day = billDate.length === 7 ? `${billDate}-01` : billDate;
  const start = beijingDayStart(day);
  const end = new Date(start);
  if (billDate.length === 7) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCDate(end.getUTCDate() + 1);
  return { start, end };
}

const yuan = (fen: number) => (fen < 0 ? `-${fenToYuan(-fen)}` : fenToYuan(fen));
const row = (values: readonly string[]) => values.map((v) => `${v.replaceAll(',', '，')}\t`).join(',');
const chineseTime = (date: Date) => toBeijingTime(date).replace(/^(\d{4})-(\d{2})-(\d{2})/, '$1年$2月$3日');

/** The 分账 lines: the receiver as 对方账户, the settle's out_request_no where refunds put theirs. */
function settleRows(settles: readonly AlipaySettleLine[]): string[] {
  const blank = (n: number) => Array<string>(n).fill('');
  return settles.map((s) =>
    row([s.trade.tradeNo, s.trade.outTradeNo, '分账', s.trade.subject, toBeijingTime(s.trade.createdAt), toBeijingTime(s.settledAt), ...blank(4), s.transIn, yuan(-s.amountFen), yuan(-s.amountFen), ...blank(8), s.outRequestNo, '0.00', '0.00', s.description ?? '']),
  );
}

/** Each receiver's share of the app's settles in [start, end), from the simulator's settle records. */
async function settleLines(appId: string, start: Date, end: Date): Promise<AlipaySettleLine[]> {
  const settles = await db().sandboxAlipaySettle.findMany({ where: { trade: { appId }, createdAt: { gte: start, lt: end } }, include: { trade: true }, orderBy: { createdAt: 'asc' } });
  return settles.flatMap((settle) =>
    storedDetails(settle).map((detail) => ({ trade: settle.trade, outRequestNo: settle.outRequestNo, transIn: detail.trans_in, amountFen: detail.amount, description: detail.desc || null, settledAt: settle.createdAt })),
  );
}

export async function tradeBill(options: { appId: string; billDate: string; now: Date }): Promise<BillFile[]> {
  const { appId, billDate, now } = options;
  const { start, end } = billPeriod(billDate);
  const [paid, refunds, settles] = await Promise.all([
    db().sandboxAlipayTrade.findMany({ where: { appId, paidAt: { gte: start, lt: end } }, orderBy: { paidAt: 'asc' } }),
    db().sandboxAlipayRefund.findMany({ where: { trade: { appId }, createdAt: { gte: start, lt: end } }, include: { trade: true }, orderBy: { createdAt: 'asc' } }),
    settleLines(appId, start, end),
  ]);
  const account = sellerIdOf(appId);
  const header = (title: string) => [`#${title}`, `#账号：[${account}]`, `#起始日期：[${chineseTime(start)}]   终止日期：[${chineseTime(end)}]`];
  const blank = (n: number) => Array<string>(n).fill('');
  const details = [
    ...paid.map((t) => row([t.tradeNo, t.outTradeNo, '交易', t.subject, toBeijingTime(t.createdAt), toBeijingTime(t.paidAt ?? t.createdAt), ...blank(4), t.buyerId ?? '', yuan(t.totalFen), yuan(t.totalFen), ...blank(8), '', '0.00', '0.00', ''])),
    ...refunds.map((r) => row([r.tradeNo, r.trade.outTradeNo, '退款', r.trade.subject, toBeijingTime(r.trade.createdAt), toBeijingTime(r.createdAt), ...blank(4), r.trade.buyerId ?? '', yuan(-r.refundFen), yuan(-r.refundFen), ...blank(8), r.outRequestNo, '0.00', '0.00', r.reason ?? ''])),
    ...settleRows(settles),
  ];
  const paidFen = paid.reduce((sum, t) => sum + t.totalFen, 0);
  const refundedFen = refunds.reduce((sum, r) => sum + r.refundFen, 0);
  const settledFen = settles.reduce((sum, s) => sum + s.amountFen, 0);
  const net = yuan(paidFen - refundedFen - settledFen);
  const exported = `#导出时间：[${chineseTime(now)}]`;
  const day = billDate.replaceAll('-', '');
  return [
    {
      name: `${account}_${day}_业务明细.csv`,
      text: [...header('支付宝业务明细查询'), `#${RULE}业务明细列表${RULE}`, DETAIL_COLUMNS, ...details, `#${RULE}业务明细列表结束${RULE}`, `#交易合计：${paid.length}笔，退款合计：${refunds.length}笔`, exported, ''].join('\r\n'),
    },
    {
      name: `${account}_${day}_业务明细(汇总).csv`,
      text: [...header('支付宝业务汇总查询'), `#${RULE}业务汇总列表${RULE}`, SUMMARY_COLUMNS, row(['合计', '', String(paid.length), String(refunds.length), net, net, '0.00', '0.00', '0.00', '0.00', '0.00', net]), `#${RULE}业务汇总列表结束${RULE}`, exported, ''].join('\r\n'),
    },
  ];
}
