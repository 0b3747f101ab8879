import { z } from 'zod';
import { assertCan, companyFilter } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { listPaymentsInput } from '@/server/backend/payments/list-payments';
import { paymentsWhere } from '@/server/backend/payments/payments-where';
import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';
import { toBeijingTime } from '@/server/gateway/beijing-time';
import { csvStream } from '@/server/lib/csv';

/**
 * An export's query string: exactly the payments list's filters and search, without paging or sort.
 * An unknown parameter is refused (400 naming it) so that a misspelt filter never silently widens a file.
 */
export const exportQuery = z
  .object(listPaymentsInput.omit({ page: true, pageSize: true, sortBy: true, sortDir: true }).shape)
  // Each unknown parameter an issue of its own, so the 400 names it (a strict object names none).
  .catchall(z.unknown().refine(() => false, { error: 'is not a filter of the payments list' }))
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ['to'], error: 'is before from' });

export type ExportQuery = z.infer<typeof exportQuery>;

/** Rows read per query: memory stays at one batch whatever the size of the export. */
export const EXPORT_BATCH = 1000;

/** The names a row shows beside its numbers, read through the payment's order. */
export const ORDER_NAMES = { orderNo: true, app: { select: { name: true } }, merchant: { select: { name: true, company: { select: { name: true } } } } } as const;

/**
 * An export as a streamed CSV file named for what it holds and when it was made (Beijing time). Its rows
 * come from a keyset walk along Payment's primary key (serial numbers sort by creation): `read` takes up
 * to EXPORT_BATCH payments after the last one's serial number, each read its own short query, so a
 * million rows hold no transaction and no more than one batch in memory.
 */
export function exportFile<P extends { serialNo: string }>(options: {
  what: 'payments' | 'refunds';
  now: Date;
  header: string[];
  total: number;
  read: (after: string) => Promise<P[]>;
  lines: (payments: P[]) => string[][];
}) {
  async function* batches() {
    for (let after = ''; ; ) {
      const payments = await options.read(after);
      const lines = options.lines(payments);
      if (lines.length > 0) yield lines;
      if (payments.length < EXPORT_BATCH) return;
      after = payments.at(-1)!.serialNo;
    }
  }
  return {
    fileName: `${options.what}-${toBeijingTime(options.now).replace(/[-: ]/g, '').slice(0, 12)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    content: csvStream(options.header, batches()),
    totalRows: options.total,
  };
}

/**
 * What every export does before its first byte: checks the permission, builds the payments the filter
 * selects within the actor's scope (as the list does), counts the rows with `count`, and records who
 * exported what filter and how many rows it held then.
 */
export async function startExport(options: {
  actor: Actor;
  input: ExportQuery;
  action: 'payments.export' | 'refunds.export';
  count: (payments: Prisma.PaymentWhereInput) => Promise<number>;
  request?: RequestMeta;
  now: Date;
}): Promise<{ payments: Prisma.PaymentWhereInput; total: number }> {
  const { actor, input, now } = options;
  assertCan(actor, 'payment.read');
  const payments = paymentsWhere({ actor, filters: input, now });
  const total = await options.count(payments);
  await recordAudit(db(), {
    actor,
    action: options.action,
    // The company whose rows these are: a company user's own whatever they asked for.
    target: { type: options.action === 'payments.export' ? 'Payment' : 'Refund', companyId: companyFilter(actor).companyId ?? input.companyId ?? null },
    summary: { filter: { ...input, from: input.from?.toISOString(), to: input.to?.toISOString() }, rows: total },
    request: options.request,
  });
  return { payments, total };
}
