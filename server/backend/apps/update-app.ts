import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { appFields } from './app-input';

export const updateAppInput = appFields.extend({ appId: z.string().max(64) });

export async function updateApp(options: { actor: Actor; input: z.infer<typeof updateAppInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'app.manage');
  const { appId, ...fields } = options.input;
  return db().$transaction(async (tx) => {
    const before = await tx.app.findUnique({ where: { id: appId } });
    if (!before) throw new AppError('NOT_FOUND');
    const after = await tx.app.update({ where: { id: appId }, data: fields });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'app.update',
      target: { type: 'App', id: appId },
      summary: {
        before: { name: before.name, description: before.description, defaultNotifyUrl: before.defaultNotifyUrl, ipAllowlist: before.ipAllowlist, returnOrigins: before.returnOrigins },
        after: fields,
      },
      request: options.request,
    });
    return after;
  });
}
