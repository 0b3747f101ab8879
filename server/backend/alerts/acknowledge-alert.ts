import { z } from 'zod';
import { AppError } from '@/server/errors/app-error';
import { assertCan } from '@/server/backend/access/permissions';
import { auditedUpdate } from '@/server/backend/audit/audited-update';
import type { Actor, RequestMeta } from '@/server/backend/audit/record-audit';
import { findAlert } from './find-alert';
import { getAlert } from './get-alert';

export const acknowledgeAlertInput = z.object({ alertId: z.string().trim().min(1).max(64) });

/**
 * Someone is on it: OPEN → ACKNOWLEDGED, audited. Acknowledging an acknowledged alert (again, or
 * racing a colleague) changes and records nothing; a resolved one is a CONFLICT, never reopened.
 */
export async function acknowledgeAlert(options: { actor: Actor; input: z.infer<typeof acknowledgeAlertInput>; request?: RequestMeta; now?: Date }) {
  const { actor, input } = options;
  assertCan(actor, 'alert.handle');
  const data = { status: 'ACKNOWLEDGED' as const, acknowledgedAt: options.now ?? new Date(), acknowledgedById: actor.userId };
  const alert = await auditedUpdate({
    actor,
    request: options.request,
    find: (tx) => findAlert(tx, actor, input.alertId),
    data,
    unchanged: (before) => before.status !== 'OPEN',
    write: (tx) => tx.alert.updateMany({ where: { id: input.alertId, status: 'OPEN' }, data }),
    action: 'alert.acknowledge',
    target: (before) => ({ type: 'Alert', id: before.id, companyId: before.companyId }),
  });
  if (alert.status === 'RESOLVED') throw new AppError('CONFLICT', 'The alert is already resolved.', { status: alert.status });
  return getAlert({ actor, input: { alertId: input.alertId } });
}
