import { db } from '@/server/db/client';
import type { User } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { assertInScope } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';

/** A user the actor may manage. Company admins never reach platform admins or other companies. */
export async function findManageableUser(actor: Actor, userId: string): Promise<User> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError('NOT_FOUND');
  if (actor.role !== 'PLATFORM_ADMIN') {
    if (!user.companyId) throw new AppError('NOT_FOUND');
    assertInScope(actor, user.companyId);
  }
  return user;
}
