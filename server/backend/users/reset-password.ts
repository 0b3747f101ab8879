import { forgetAccountFailures } from '@/server/auth/login-throttle';
import { hashPassword } from '@/server/auth/password';
import { db } from '@/server/db/client';
import { randomBase62 } from '@/server/lib/ids';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { findManageableUser } from './find-user-in-scope';

/**
 * Sets a new generated password (shown once), lifts the email's sign-in throttle and ends the user's sessions.
 */
export async function resetPassword(options: { actor: Actor; userId: string; request?: RequestMeta }) {
  assertCan(options.actor, 'user.manage');
  const user = await findManageableUser(options.actor, options.userId);
  const password = randomBase62(16);
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'user.reset-password',
      target: { type: 'User', id: user.id, companyId: user.companyId },
      summary: { email: user.email },
      request: options.request,
    });
  });
  await forgetAccountFailures({ email: user.email });
  return { temporaryPassword: password };
}
