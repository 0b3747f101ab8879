import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { findManageableUser } from './find-user-in-scope';
import { userView } from './user-view';

/** Disabling ends the user's sessions at once (their session version changes). */
export async function setUserDisabled(options: { actor: Actor; userId: string; disabled: boolean; request?: RequestMeta }) {
  assertCan(options.actor, 'user.manage');
  if (options.userId === options.actor.userId) throw new AppError('CONFLICT', 'You cannot disable your own account.');
  const user = await findManageableUser(options.actor, options.userId);
  if (user.disabled === options.disabled) return userView(user);
  const updated = await db().$transaction(async (tx) => {
    const next = await tx.user.update({
      where: { id: user.id },
      data: { disabled: options.disabled, ...(options.disabled ? { sessionVersion: { increment: 1 } } : {}) },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: options.disabled ? 'user.disable' : 'user.enable',
      target: { type: 'User', id: user.id, companyId: user.companyId },
      summary: { email: user.email, before: { disabled: user.disabled }, after: { disabled: options.disabled } },
      request: options.request,
    });
    return next;
  });
  return userView(updated);
}
