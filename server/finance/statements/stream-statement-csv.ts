import { STATEMENT_CSV_COLUMNS, toStatementCsvRow } from '@/server/contract/statement';
import { db } from '@/server/db/client';
import { csvStream } from '@/server/lib/csv';
import type { StatementQuery } from './statement-query';
import { statementScope } from './statement-scope';
import { decodeCursor, type ItemPosition } from './statement-cursor';
import { positionOf, readStatementItems } from './read-statement-items';

/** Rows read per query: memory stays at one batch whatever the size of the day. */
const BATCH = 1000;

/**
 * GET /api/v1/statements with `Accept: text/csv`: the whole day's items, UTF-8 with a BOM (so Excel
 * reads Chinese correctly), a header row, one row per item, values as in the JSON (amounts in fen).
 * A cursor resumes a broken download after its item. The grant and the cursor are checked before the
 * first byte, so a refusal is still the contract's JSON error; the rows are then pulled batch by batch
 * along the same (time, id) keyset the JSON pages use, each batch only when the client has taken the
 * previous one, holding no connection or transaction in between.
 */
export async function streamStatementCsv(options: { appId: string; query: StatementQuery }): Promise<ReadableStream<Uint8Array>> {
  const { merchantId, date, cursor } = options.query;
  const scope = await statementScope({ appId: options.appId, merchantId, date });
  const start: ItemPosition | null = cursor === undefined ? null : decodeCursor(cursor, scope.day);
  async function* batches() {
    for (let after = start; ; ) {
      const items = await readStatementItems(db(), { scope, after, limit: BATCH });
      if (items.length > 0) yield items.map(toStatementCsvRow);
      if (items.length < BATCH) return;
      after = positionOf(items.at(-1)!);
    }
  }
  return csvStream(STATEMENT_CSV_COLUMNS, batches());
}
