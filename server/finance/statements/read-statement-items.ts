import type { StatementItem } from '@/server/contract/statement';
import type { Db, Tx } from '@/server/db/client';
import { Prisma, type Channel } from '@/server/db/generated/client';
import type { ItemPosition } from './statement-cursor';
import type { StatementScope } from './statement-scope';

interface ItemRow {
  type: 'payment' | 'refund';
  id: string;
  serialNo: string;
  refundNo: string | null;
  orderNo: string;
  channel: Channel;
  channelTradeNo: string | null;
  amount: number;
  at: Date;
}

function toItem(row: ItemRow): StatementItem {
  const at = row.at.toISOString();
  return row.type === 'payment'
    ? { type: 'payment', serialNo: row.serialNo, orderNo: row.orderNo, channel: row.channel, channelTradeNo: row.channelTradeNo, amount: row.amount, at }
    : { type: 'refund', refundSerialNo: row.id, refundNo: row.refundNo ?? '', serialNo: row.serialNo, orderNo: row.orderNo, channel: row.channel, amount: row.amount, at };
}

/** The position of an item, for the cursor after it. */
export function positionOf(item: StatementItem): ItemPosition {
  return { at: new Date(item.at), id: item.type === 'payment' ? item.serialNo : item.refundSerialNo };
}

/**
 * Up to `limit` items of the scope after `after`, ordered by (time, id). Each half is a range scan of
 * its (appId, merchantId, time, id) index, started at the position by a row comparison, so a page
 * costs the same at the end of a busy day as at its start.
 */
export function statementItemsSql(options: { scope: StatementScope; after: ItemPosition | null; limit: number }): Prisma.Sql {
  const { appId, merchantId, day } = options.scope;
  // Ids are never empty, so (start, '') sorts before every item of the day.
  const after = options.after ?? { at: day.start, id: '' };
  return Prisma.sql`
    SELECT * FROM (
      (SELECT 'payment' AS "type", p."serialNo" AS "id", p."serialNo", NULL AS "refundNo", o."orderNo", p."channel",
              p."channelTradeNo", p."amount", p."paidAt" AS "at"
         FROM "Payment" p JOIN "Order" o ON o."id" = p."orderId"
        WHERE p."appId" = ${appId} AND p."merchantId" = ${merchantId} AND p."status" = 'SUCCEEDED'
          AND p."paidAt" < ${day.end} AND (p."paidAt", p."serialNo") > (${after.at}, ${after.id})
        ORDER BY p."paidAt", p."serialNo" LIMIT ${options.limit})
      UNION ALL
      (SELECT 'refund', r."refundSerialNo", r."serialNo", r."refundNo", o."orderNo", p."channel",
              NULL, r."amount", r."succeededAt"
         FROM "Refund" r JOIN "Payment" p ON p."serialNo" = r."serialNo" JOIN "Order" o ON o."id" = p."orderId"
        WHERE r."appId" = ${appId} AND r."merchantId" = ${merchantId} AND r."status" = 'SUCCEEDED'
          AND r."succeededAt" < ${day.end} AND (r."succeededAt", r."refundSerialNo") > (${after.at}, ${after.id})
        ORDER BY r."succeededAt", r."refundSerialNo" LIMIT ${options.limit})
    ) items
    ORDER BY "at", "id" LIMIT ${options.limit}`;
}

export async function readStatementItems(client: Db | Tx, options: { scope: StatementScope; after: ItemPosition | null; limit: number }): Promise<StatementItem[]> {
  const rows = await client.$queryRaw<ItemRow[]>(statementItemsSql(options));
  return rows.map(toItem);
}
