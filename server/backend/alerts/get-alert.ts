import { z } from 'zod';
import { db } from '@/server/db/client';
import { assertCan } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { redactSecrets } from '@/server/logging/redact';
import { alertSends } from './alert-sends';
import { alertView, companyNames } from './alert-view';
import { findAlert } from './find-alert';

export const getAlertInput = z.object({ alertId: z.string().trim().min(1).max(64) });

/** One alert with its details (secrets redacted by key, as in logs), who handled it, and its DingTalk sends. */
export async function getAlert(options: { actor: Actor; input: z.infer<typeof getAlertInput> }) {
  assertCan(options.actor, 'alert.read');
  const alert = await findAlert(db(), options.actor, options.input.alertId);
  const handlerIds = [alert.acknowledgedById, alert.resolvedById].filter((id): id is string => id !== null);
  const [names, handlers, sends] = await Promise.all([
    companyNames(db(), [alert.companyId]),
    handlerIds.length > 0 ? db().user.findMany({ where: { id: { in: handlerIds } }, select: { id: true, name: true, email: true } }) : [],
    alertSends(db(), alert),
  ]);
  const handler = (id: string | null) => (id ? (handlers.find((user) => user.id === id) ?? { id, name: null, email: null }) : null);
  return {
    ...alertView(alert, names),
    details: redactSecrets(alert.details),
    acknowledgedBy: handler(alert.acknowledgedById),
    resolvedBy: handler(alert.resolvedById),
    resolutionNote: alert.resolutionNote,
    sends,
  };
}
