import { z } from 'zod';
import { assertCan } from '@/server/backend/access/permissions';
import { auditedUpdate } from '@/server/backend/audit/audited-update';
import type { Actor, RequestMeta } from '@/server/backend/audit/record-audit';
import { appFields } from './app-input';
import { findApp } from './find-app';

export const updateAppInput = appFields.extend({ appId: z.string().max(64) });

export async function updateApp(options: { actor: Actor; input: z.infer<typeof updateAppInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'app.manage');
  const { appId, ...fields } = options.input;
  return auditedUpdate({
    actor: options.actor,
    request: options.request,
    find: (tx) => findApp(tx, appId),
    data: fields,
    write: (tx) => tx.app.updateMany({ where: { id: appId }, data: fields }),
    action: 'app.update',
    target: () => ({ type: 'App', id: appId }),
  });
}
