import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';

export const setAppStatusInput = z.object({ appId: z.string().max(64), status: z.enum(['ACTIVE', 'DISABLED']) });

/** A disabled app's requests are refused with APP_DISABLED; its grants and data stay. */
export async function setAppStatus(options: { actor: Actor; input: z.infer<typeof setAppStatusInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'app.manage');
  const { appId, status } = options.input;
  return db().$transaction(async (tx) => {
    const before = await tx.app.findUnique({ where: { id: appId } });
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status === status) return before;
    const after = await tx.app.update({ where: { id: appId }, data: { status } });
    await recordAudit(tx, {
      actor: options.actor,
      action: status === 'DISABLED' ? 'app.disable' : 'app.enable',
      target: { type: 'App', id: appId },
      summary: { before: { status: before.status }, after: { status } },
      request: options.request,
    });
    return after;
  });
}
