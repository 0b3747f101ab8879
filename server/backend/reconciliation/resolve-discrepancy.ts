import { z } from 'zod';
import { assertCan } from '@/server/backend/access/permissions';
import { auditedUpdate } from '@/server/backend/audit/audited-update';
import type { Actor, RequestMeta } from '@/server/backend/audit/record-audit';
import { findDiscrepancy } from './find-discrepancy';

export const resolveDiscrepancyInput = z.object({ discrepancyId: z.string().min(1).max(64), note: z.string().trim().min(1).max(1000) });

/**
 * Marks a discrepancy resolved with staff's note (what was checked, what was done). Once: a second
 * resolution of the same line changes nothing. It survives re-runs of the day while the line is found.
 */
export async function resolveDiscrepancy(options: { actor: Actor; input: z.infer<typeof resolveDiscrepancyInput>; request?: RequestMeta; now?: Date }) {
  assertCan(options.actor, 'reconciliation.manage');
  const { discrepancyId, note } = options.input;
  const data = { resolvedAt: options.now ?? new Date(), resolvedBy: options.actor.email, note };
  const line = await auditedUpdate({
    actor: options.actor,
    request: options.request,
    find: (tx) => findDiscrepancy(tx, options.actor, discrepancyId),
    data,
    unchanged: (before) => before.resolvedAt !== null,
    write: (tx) => tx.reconciliationDiscrepancy.updateMany({ where: { id: discrepancyId, resolvedAt: null }, data }),
    action: 'reconciliation.discrepancy.resolve',
    target: (before) => ({ type: 'ReconciliationDiscrepancy', id: discrepancyId, companyId: before.run.companyId }),
  });
  return { id: line.id, resolvedAt: line.resolvedAt, resolvedBy: line.resolvedBy, note: line.note };
}
