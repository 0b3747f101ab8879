import { db, type Tx } from '@/server/db/client';
import { recordAudit, type Actor, type AuditEntry, type RequestMeta } from './record-audit';

export interface AuditedUpdate<Row extends object, Data extends Partial<Row>> {
  actor: Actor;
  request?: RequestMeta;
  /** Reads the record inside the transaction; throws NOT_FOUND when it is absent or beyond the actor's reach. */
  find: (tx: Tx) => Promise<Row>;
  /** The new values; the audit summary sets them against the record's values before. */
  data: Data;
  /**
   * Writes `data`, conditionally where a concurrent change must not be overwritten: 0 rows means
   * another change won, and this one neither writes nor records anything.
   */
  write: (tx: Tx, before: Row) => Promise<{ count: number }>;
  /** True when there is nothing to change: then nothing is written or recorded. */
  unchanged?: (before: Row) => boolean;
  action: string;
  target: (before: Row) => AuditEntry['target'];
}

/**
 * An audited change to one record: find it (with the scope check), write, and record the audit row
 * with the values before and after, in one transaction so that the change and its record commit
 * together. Returns the record as it is afterwards.
 */
export async function auditedUpdate<Row extends object, Data extends Partial<Row>>(options: AuditedUpdate<Row, Data>): Promise<Row> {
  return db().$transaction(async (tx) => {
    const before = await options.find(tx);
    if (options.unchanged?.(before)) return before;
    const { count } = await options.write(tx, before);
    const after = await options.find(tx);
    if (count === 0) return after;
    await recordAudit(tx, {
      actor: options.actor,
      action: options.action,
      target: options.target(before),
      summary: { before: valuesBefore(before, options.data), after: options.data },
      request: options.request,
    });
    return after;
  });
}

/** The record's values of the fields the change sets. */
function valuesBefore(before: object, data: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(data).map((key) => [key, Reflect.get(before, key)]));
}
