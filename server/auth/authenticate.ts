import { env } from '@/server/config/env';
import { db } from '@/server/db/client';
import type { Role } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { recordAudit, type RequestMeta } from '@/server/backend/audit/record-audit';
import { burnPasswordCheck, verifyPassword } from './password';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  companyId: string | null;
  sessionVersion: number;
}

/** The message for every wrong email/password combination: never says which part was wrong. */
export const BAD_CREDENTIALS = 'Invalid email or password.';

/**
 * Checks dashboard credentials with lockout: after PAYCENTER_LOGIN_MAX_FAILURES consecutive
 * failures the account is locked for PAYCENTER_LOGIN_LOCKOUT_SECONDS. Counters are updated with
 * atomic increments so parallel guesses cannot slip past the limit.
 */
export async function authenticate(options: { email: string; password: string; request?: RequestMeta }): Promise<AuthenticatedUser> {
  const { PAYCENTER_LOGIN_MAX_FAILURES: maxFailures, PAYCENTER_LOGIN_LOCKOUT_SECONDS: lockoutSeconds } = env();
  const email = options.email.trim().toLowerCase();
  const user = await db().user.findUnique({ where: { email } });
  if (!user) {
    await burnPasswordCheck(options.password);
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  const now = new Date();
  if (user.lockedUntil) {
    if (user.lockedUntil > now) throw new AppError('ACCOUNT_LOCKED', undefined, { lockedUntil: user.lockedUntil.toISOString() });
    // The lock has expired: counting starts afresh.
    await db().user.updateMany({ where: { id: user.id, lockedUntil: user.lockedUntil }, data: { lockedUntil: null, failedLoginCount: 0 } });
  }

  if (!(await verifyPassword(user.passwordHash, options.password))) {
    const updated = await db().user.update({ where: { id: user.id }, data: { failedLoginCount: { increment: 1 } } });
    if (updated.failedLoginCount < maxFailures) throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
    const lockedUntil = new Date(now.getTime() + lockoutSeconds * 1000);
    // Of parallel failures past the limit, only the first sets the lock and audits it.
    const locked = await db().user.updateMany({
      where: { id: user.id, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { lockedUntil },
    });
    if (locked.count === 1) {
      await recordAudit(db(), {
        actor: null,
        action: 'auth.locked',
        target: { type: 'User', id: user.id, companyId: user.companyId },
        summary: { email, failures: updated.failedLoginCount, lockedUntil: lockedUntil.toISOString() },
        request: options.request,
      });
    }
    throw new AppError('ACCOUNT_LOCKED', undefined, { lockedUntil: lockedUntil.toISOString() });
  }

  // Only after the right password do we say the account is disabled.
  if (user.disabled) throw new AppError('FORBIDDEN', 'This account is disabled.');

  await db().user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
  await recordAudit(db(), {
    actor: { userId: user.id, email: user.email, role: user.role, companyId: user.companyId },
    action: 'auth.login',
    target: { type: 'User', id: user.id, companyId: user.companyId },
    request: options.request,
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    companyId: user.companyId,
    sessionVersion: user.sessionVersion,
  };
}
