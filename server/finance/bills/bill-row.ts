// What a parsed channel bill is: its rows (yielded one at a time, a bill can have millions) and the
// report `npm run bill:parse` prints, whose shape is the contract's "Bill parser" section.

export type BillChannel = 'alipay' | 'wechatpay';
export type BillType = 'trade' | 'fundflow';

/**
 * payment / refund: a line of a trade bill. income / expense: a line of a fund-flow bill (收入 / 支出),
 * which the report counts with payments and refunds respectively. split: a trade bill's line of money
 * split off a payment to a receiver (Alipay 分账), neither a payment nor a refund.
 */
export type BillRowKind = 'payment' | 'refund' | 'income' | 'expense' | 'split';

export interface BillRow {
  /** Line of the file (of the CSV inside a ZIP) the row was read from. */
  line: number;
  kind: BillRowKind;
  /** As written by the channel (Beijing time). */
  time: string;
  /** Our serial number: out_trade_no (商户订单号), or the fund flow's 业务凭证号. */
  outTradeNo: string;
  /** The channel's trade number (微信订单号, 支付宝交易号, the fund flow's 微信支付业务单号). */
  channelTradeNo: string;
  /** out_refund_no (商户退款单号, 退款批次号/请求号); empty on payments. */
  outRefundNo: string;
  /** The channel's refund number (微信退款单号); empty where the bill has none. */
  channelRefundNo: string;
  /** Positive fen, refunds included. */
  amountFen: number;
  /** The row's fee in yuan exactly as written, signed as the bill signs it ("0.00006", "-0.27000"). */
  fee: string;
  /**
   * The channel's own word for the row: WeChat Pay's 交易状态 (SUCCESS, REVOKED) on payments and 退款状态
   * (SUCCESS, PROCESSING...) on refunds, Alipay's 业务类型 (交易, 退款, 在线支付...), the fund flow's 业务类型.
   */
  status: string;
}

export interface BillTotal {
  count: number;
  /** Fen. */
  amount: number;
}

export interface BillReport {
  channel: BillChannel;
  billType: BillType;
  rows: number;
  payments: BillTotal;
  refunds: BillTotal;
  /** The rows' fee total in yuan, as precise as the bill writes fees. */
  fee: string;
  /** The bill's own summary or footer figures, under its labels, values as written. */
  declared: Record<string, string>;
  /** Whether the rows add up to every declared figure that can be checked (and at least one can). */
  consistent: boolean;
}
