// Adds up a bill's rows as they stream past and checks them against the figures the bill declares
// about itself (WeChat Pay's summary block, Alipay's footer lines and 汇总 file).
import { billDecimal } from './bill-amounts';
import { billError } from './bill-error';
import type { BillChannel, BillReport, BillRow, BillRowKind, BillType } from './bill-row';
import { ZERO, addDecimal, formatDecimal, parseDecimal, sameDecimal, type Decimal } from './decimal';

type Figure =
  | { count: readonly BillRowKind[] }
  | { column: string; kinds?: readonly BillRowKind[] }
  | { amount: readonly BillRowKind[] }
  | { fee: true };

const EVERY: readonly BillRowKind[] = ['payment', 'refund', 'income', 'expense', 'split'];
const PAYMENTS: readonly BillRowKind[] = ['payment', 'income'];
const REFUNDS: readonly BillRowKind[] = ['refund', 'expense'];

/** Every declared label we know how to check, with the figure of the rows it must equal. */
const CHECKS: Readonly<Record<string, Figure>> = {
  // WeChat Pay trade bill: v3 layout, then the older one.
  总交易单数: { count: EVERY },
  应结订单总金额: { column: '应结订单金额' },
  订单总金额: { column: '订单金额' },
  退款总金额: { column: '退款金额' },
  申请退款总金额: { column: '申请退款金额' },
  充值券退款总金额: { column: '充值券退款金额' },
  手续费总金额: { fee: true },
  总交易额: { column: '总金额' },
  总退款金额: { column: '退款金额' },
  总代金券或立减优惠退款金额: { column: '代金券或立减优惠退款金额' },
  总企业红包退款金额: { column: '企业红包退款金额' },
  // WeChat Pay fund-flow bill.
  资金流水总笔数: { count: EVERY },
  收入笔数: { count: ['income'] },
  收入金额: { amount: ['income'] },
  支出笔数: { count: ['expense'] },
  支出金额: { amount: ['expense'] },
  // Alipay 业务明细 footer lines.
  交易合计: { count: ['payment'] },
  商家实收共: { column: '商家实收（元）', kinds: ['payment'] },
  商家优惠共: { column: '商家优惠（元）', kinds: ['payment'] },
  退款合计: { count: ['refund'] },
  商家实收退款共: { column: '商家实收（元）', kinds: ['refund'] },
  商家优惠退款共: { column: '商家优惠（元）', kinds: ['refund'] },
  // Alipay 账务明细 footer lines.
  收入合计: { count: ['income'] },
  收入合计共: { amount: ['income'] },
  支出合计: { count: ['expense'] },
  支出合计共: { amount: ['expense'] },
  // Alipay 业务明细(汇总): its 合计 line, signed sums of the detail's columns of the same name.
  交易订单总笔数: { count: ['payment'] },
  退款订单总笔数: { count: ['refund'] },
  '订单金额（元）': { column: '订单金额（元）' },
  '商家实收（元）': { column: '商家实收（元）' },
  '支付宝优惠（元）': { column: '支付宝优惠（元）' },
  '商家优惠（元）': { column: '商家优惠（元）' },
  '卡消费金额（元）': { column: '卡消费金额（元）' },
  '服务费（元）': { fee: true },
  '分润（元）': { column: '分润（元）' },
};

const SUMMED = new Set(Object.values(CHECKS).flatMap((figure) => ('column' in figure ? [figure.column] : [])));
/** Units a declared figure may carry: Alipay writes "6笔" and "0.06元". */
const UNIT = /[笔元]$/;

export class BillTally {
  private readonly counts = new Map<BillRowKind, number>();
  private readonly fen = new Map<BillRowKind, number>();
  private readonly sums = new Map<string, Decimal>();
  private fee: Decimal = ZERO;
  private summed: Array<{ name: string; index: number; keys: Record<BillRowKind, string> }> = [];
  private readonly columns = new Set<string>();
  readonly declared: Record<string, string> = {};

  /** Notes which of a header's columns declared figures may add up. */
  useHeader(header: readonly string[]): void {
    this.summed = header.flatMap((name, index) => (SUMMED.has(name) ? [{ name, index, keys: sumKeys(name) }] : []));
    for (const name of header) this.columns.add(name);
  }

  add(row: BillRow, cells: readonly string[]): void {
    this.counts.set(row.kind, (this.counts.get(row.kind) ?? 0) + 1);
    const fen = (this.fen.get(row.kind) ?? 0) + row.amountFen;
    if (!Number.isSafeInteger(fen)) throw billError('the amounts add up beyond what can be counted exactly', { line: row.line });
    this.fen.set(row.kind, fen);
    this.fee = addDecimal(this.fee, billDecimal(row.fee, { line: row.line }));
    for (const { name, index, keys } of this.summed) {
      const key = keys[row.kind];
      this.sums.set(key, addDecimal(this.sums.get(key) ?? ZERO, billDecimal(cells[index] ?? '', { line: row.line, column: name })));
    }
  }

  declare(label: string, value: string, line: number): void {
    if (label in this.declared && this.declared[label] !== value) throw billError(`the bill declares ${label} twice, as ${this.declared[label]} and ${value}`, { line });
    this.declared[label] = value;
  }

  report(channel: BillChannel, billType: BillType): BillReport {
    const total = (kinds: readonly BillRowKind[], of: Map<BillRowKind, number>) => kinds.reduce((sum, kind) => sum + (of.get(kind) ?? 0), 0);
    const checks = Object.entries(this.declared).flatMap(([label, value]) => {
      const figure = CHECKS[label];
      const rows = figure && this.figure(figure);
      return rows ? [sameFigure(value, rows)] : [];
    });
    const declaredFee = Object.entries(this.declared).find(([label]) => CHECKS[label] && 'fee' in CHECKS[label]);
    const feeScale = Math.max(2, this.fee.scale, parseDecimal(declaredFee?.[1] ?? '')?.scale ?? 0);
    return {
      channel,
      billType,
      rows: total(EVERY, this.counts),
      payments: { count: total(PAYMENTS, this.counts), amount: total(PAYMENTS, this.fen) },
      refunds: { count: total(REFUNDS, this.counts), amount: total(REFUNDS, this.fen) },
      fee: formatDecimal(this.fee, feeScale),
      declared: this.declared,
      consistent: checks.length > 0 && checks.every(Boolean),
    };
  }

  /** The rows' value of a figure, or null when the bill lacks the column it adds up. */
  private figure(figure: Figure): Decimal | null {
    if ('fee' in figure) return this.fee;
    if ('count' in figure) return { units: BigInt(figure.count.reduce((sum, kind) => sum + (this.counts.get(kind) ?? 0), 0)), scale: 0 };
    if ('amount' in figure) return { units: BigInt(figure.amount.reduce((sum, kind) => sum + (this.fen.get(kind) ?? 0), 0)), scale: 2 };
    if (!this.columns.has(figure.column)) return null;
    const keys = sumKeys(figure.column);
    return (figure.kinds ?? EVERY).reduce((sum, kind) => addDecimal(sum, this.sums.get(keys[kind]) ?? ZERO), ZERO);
  }
}

/** The keys of a column's per-kind sums, made once per header rather than once per cell. */
function sumKeys(column: string): Record<BillRowKind, string> {
  return { payment: `payment\t${column}`, refund: `refund\t${column}`, income: `income\t${column}`, expense: `expense\t${column}`, split: `split\t${column}` };
}

function sameFigure(declared: string, rows: Decimal): boolean {
  const value = parseDecimal(declared.replace(UNIT, ''));
  return value !== null && sameDecimal(value, rows);
}
