import type { Channel } from '@/server/db/generated/client';

/** One money movement of a statement (api-contract.md v1.1, "Statements for apps"); refunds are positive. */
export type StatementItem =
  | { type: 'payment'; serialNo: string; orderNo: string; channel: Channel; channelTradeNo: string | null; amount: number; at: string }
  | { type: 'refund'; refundSerialNo: string; refundNo: string; serialNo: string; orderNo: string; channel: Channel; amount: number; at: string };

export interface StatementTotals {
  payments: { count: number; amount: number };
  refunds: { count: number; amount: number };
  net: number;
}

/** GET /api/v1/statements: the totals always cover the whole day, the items one page of it. */
export interface StatementObject {
  merchantId: string;
  date: string;
  currency: 'CNY';
  totals: StatementTotals;
  items: StatementItem[];
  nextCursor: string | null;
}

/** The CSV's columns, one row per item; a column an item type lacks is empty. */
export const STATEMENT_CSV_COLUMNS = ['type', 'serialNo', 'orderNo', 'channel', 'channelTradeNo', 'refundSerialNo', 'refundNo', 'amount', 'at'] as const;

export function toStatementCsvRow(item: StatementItem): string[] {
  const refund = item.type === 'refund' ? item : null;
  const payment = item.type === 'payment' ? item : null;
  return [item.type, item.serialNo, item.orderNo, item.channel, payment?.channelTradeNo ?? '', refund?.refundSerialNo ?? '', refund?.refundNo ?? '', String(item.amount), item.at];
}
