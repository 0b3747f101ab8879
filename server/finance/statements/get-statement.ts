import type { StatementObject } from '@/server/contract/statement';
import { db } from '@/server/db/client';
import { decodeCursor, encodeCursor } from './statement-cursor';
import type { StatementQuery } from './statement-query';
import { statementScope } from './statement-scope';
import { sumStatementDay } from './sum-statement-day';
import { positionOf, readStatementItems } from './read-statement-items';

/** GET /api/v1/statements as JSON: one page of items after the cursor and the whole day's totals. */
export async function getStatement(options: { appId: string; query: StatementQuery }): Promise<StatementObject> {
  const { merchantId, date, cursor, limit } = options.query;
  const scope = await statementScope({ appId: options.appId, merchantId, date });
  const after = cursor === undefined ? null : decodeCursor(cursor, scope.day);
  // One snapshot, so the totals and the page agree even while payments of the day succeed.
  const { totals, items } = await db().$transaction(
    async (tx) => {
      const totals = await sumStatementDay(tx, scope);
      const items = await readStatementItems(tx, { scope, after, limit: limit + 1 });
      return { totals, items };
    },
    { isolationLevel: 'RepeatableRead' },
  );
  const page = items.slice(0, limit);
  return {
    merchantId,
    date,
    currency: 'CNY',
    totals,
    items: page,
    nextCursor: items.length > limit ? encodeCursor(positionOf(page.at(-1)!)) : null,
  };
}
