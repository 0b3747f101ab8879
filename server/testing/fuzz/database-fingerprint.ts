// For the fuzz suites: what a rejected request must not change. Every table's row count and latest
// change time in one statement, except the tables a rejected request writes by design (a signed
// request's nonce, a rejected callback's capped record and window, a channel-query counter).
import { db } from '@/server/db/client';

const WRITTEN_BY_REJECTIONS = new Set(['_prisma_migrations', 'ApiNonce', 'ChannelNotification', 'RejectedCallbackWindow', 'ChannelCallMinute', 'LoginThrottle', 'JobState']);

let statement: Promise<string> | undefined;

async function fingerprintStatement(): Promise<string> {
  const columns = await db().$queryRaw<Array<{ table: string; hasUpdatedAt: boolean }>>`
    SELECT table_name AS "table", bool_or(column_name = 'updatedAt') AS "hasUpdatedAt"
    FROM information_schema.columns WHERE table_schema = current_schema() GROUP BY table_name ORDER BY table_name`;
  const parts = columns
    .filter((c) => !WRITTEN_BY_REJECTIONS.has(c.table))
    .map((c) => `'${c.table}', (SELECT jsonb_build_array(count(*)${c.hasUpdatedAt ? ', max("updatedAt")' : ''}) FROM "${c.table}")`);
  return `SELECT jsonb_build_object(${parts.join(', ')}) AS "fingerprint"`;
}

/** Row counts and latest updates of every table a rejected request must leave alone, by table. */
export async function databaseFingerprint(): Promise<Record<string, unknown>> {
  statement ??= fingerprintStatement();
  const [row] = await db().$queryRawUnsafe<Array<{ fingerprint: Record<string, unknown> }>>(await statement);
  return row!.fingerprint;
}

/** The tables whose fingerprint differs, but for those a door writes by design when it refuses (`except`). */
export function changedTables(before: Record<string, unknown>, after: Record<string, unknown>, except: readonly string[] = []): string[] {
  return Object.keys(after).filter((table) => !except.includes(table) && JSON.stringify(before[table]) !== JSON.stringify(after[table]));
}

/** Waits until nothing changes for a moment: work a successful request started in the background has settled. */
export async function settledFingerprint(): Promise<Record<string, unknown>> {
  let last = await databaseFingerprint();
  for (let i = 0; i < 40; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const next = await databaseFingerprint();
    if (changedTables(last, next).length === 0) return next;
    last = next;
  }
  return last;
}
