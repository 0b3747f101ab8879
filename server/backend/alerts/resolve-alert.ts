import { z } from 'zod';
import { AppError } from '@/server/errors/app-error';
import { assertCan } from '@/server/backend/access/permissions';
import { auditedUpdate } from '@/server/backend/audit/audited-update';
import type { Actor, RequestMeta } from '@/server/backend/audit/record-audit';
import { findAlert } from './find-alert';
import { getAlert } from './get-alert';

export const RESOLUTION_NOTE_MAX_LENGTH = 500;

export const resolveAlertInput = z.object({
  alertId: z.string().trim().min(1).max(64),
  note: z.string().trim().min(1, 'Say what was done.').max(RESOLUTION_NOTE_MAX_LENGTH),
});

/**
 * Done: OPEN or ACKNOWLEDGED → RESOLVED with the resolver's note, audited. The next fact about the
 * same subject opens a new alert. Only one resolution counts: a second one is a CONFLICT naming the
 * state, unless it is the same person's retry with the same note, which changes nothing.
 */
export async function resolveAlert(options: { actor: Actor; input: z.infer<typeof resolveAlertInput>; request?: RequestMeta; now?: Date }) {
  const { actor, input } = options;
  assertCan(actor, 'alert.handle');
  const data = { status: 'RESOLVED' as const, resolvedAt: options.now ?? new Date(), resolvedById: actor.userId, resolutionNote: input.note };
  const alert = await auditedUpdate({
    actor,
    request: options.request,
    find: (tx) => findAlert(tx, actor, input.alertId),
    data,
    unchanged: (before) => before.status === 'RESOLVED',
    write: (tx) => tx.alert.updateMany({ where: { id: input.alertId, status: { in: ['OPEN', 'ACKNOWLEDGED'] } }, data }),
    action: 'alert.resolve',
    target: (before) => ({ type: 'Alert', id: before.id, companyId: before.companyId }),
  });
  if (alert.resolvedById !== actor.userId || alert.resolutionNote !== input.note) {
    throw new AppError('CONFLICT', 'The alert is already resolved.', { status: alert.status, resolvedAt: alert.resolvedAt });
  }
  return getAlert({ actor, input: { alertId: input.alertId } });
}
