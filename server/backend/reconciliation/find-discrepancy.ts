import { assertInScope } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import type { Db, Tx } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';

/** A discrepancy with its run, within the actor's reach; another company's is NOT_FOUND. */
export async function findDiscrepancy(client: Db | Tx, actor: Actor, discrepancyId: string) {
  const line = await client.reconciliationDiscrepancy.findUnique({ where: { id: discrepancyId }, include: { run: { select: { paymentChannelId: true, companyId: true, runDate: true } } } });
  if (!line) throw new AppError('NOT_FOUND');
  assertInScope(actor, line.run.companyId);
  return line;
}
