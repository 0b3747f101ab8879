import { z } from 'zod';
import { assertCan } from '@/server/backend/access/permissions';
import { auditedUpdate } from '@/server/backend/audit/audited-update';
import type { Actor, RequestMeta } from '@/server/backend/audit/record-audit';
import { findApp } from './find-app';

export const setAppStatusInput = z.object({ appId: z.string().max(64), status: z.enum(['ACTIVE', 'DISABLED']) });

/** A disabled app's requests are refused with APP_DISABLED; its grants and data stay. */
export async function setAppStatus(options: { actor: Actor; input: z.infer<typeof setAppStatusInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'app.manage');
  const { appId, status } = options.input;
  return auditedUpdate({
    actor: options.actor,
    request: options.request,
    find: (tx) => findApp(tx, appId),
    data: { status },
    unchanged: (before) => before.status === status,
    write: (tx, before) => tx.app.updateMany({ where: { id: appId, status: before.status }, data: { status } }),
    action: status === 'DISABLED' ? 'app.disable' : 'app.enable',
    target: () => ({ type: 'App', id: appId }),
  });
}
