import { z } from 'zod';
import { Channel } from '@/server/db/generated/enums';
import { isoTime } from './fields';

const count = z.object({ count: z.number().int(), amount: z.number().int() });

/** One money movement of a statement (api-contract.md v1.1, "Statements for apps"); refunds are positive. */
export const statementItem = z.discriminatedUnion('type', [
  z.object({ type: z.literal('payment'), serialNo: z.string(), orderNo: z.string(), channel: z.enum(Channel), channelTradeNo: z.string().nullable(), amount: z.number().int(), at: isoTime }),
  z.object({
    type: z.literal('refund'),
    refundSerialNo: z.string(),
    refundNo: z.string(),
    serialNo: z.string(),
    orderNo: z.string(),
    channel: z.enum(Channel),
    amount: z.number().int(),
    at: isoTime,
  }),
]);

export type StatementItem = z.infer<typeof statementItem>;

const statementTotals = z.object({ payments: count, refunds: count, net: z.number().int() });

export type StatementTotals = z.infer<typeof statementTotals>;

/** GET /api/v1/statements: the totals always cover the whole day, the items one page of it. */
export const statementObject = z.object({
  merchantId: z.string(),
  date: z.iso.date(),
  currency: z.literal('CNY'),
  totals: statementTotals.meta({ description: 'The whole day, whatever page is asked.' }),
  items: z.array(statementItem),
  nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
});

export type StatementObject = z.infer<typeof statementObject>;

/** The CSV's columns, one row per item; a column an item type lacks is empty. */
export const STATEMENT_CSV_COLUMNS = ['type', 'serialNo', 'orderNo', 'channel', 'channelTradeNo', 'refundSerialNo', 'refundNo', 'amount', 'at'] as const;

export function toStatementCsvRow(item: StatementItem): string[] {
  const refund = item.type === 'refund' ? item : null;
  const payment = item.type === 'payment' ? item : null;
  return [item.type, item.serialNo, item.orderNo, item.channel, payment?.channelTradeNo ?? '', refund?.refundSerialNo ?? '', refund?.refundNo ?? '', String(item.amount), item.at];
}
