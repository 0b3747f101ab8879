import { db } from '@/server/db/client';
import type { Role } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { recordAudit, type RequestMeta } from '@/server/backend/audit/record-audit';
import { addressSubject, chargeLoginAttempt, forgiveSuccessfulAttempt } from './login-throttle';
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

/** As createUser accepts them (RFC 5321's limit). */
const MAX_EMAIL_LENGTH = 254;

function throttled(retryAt: Date): AppError {
  return new AppError('LOGIN_THROTTLED', undefined, { retryAt: retryAt.toISOString() });
}

/**
 * Checks dashboard credentials, throttled per client address and per email (login-throttle.ts).
 * Unknown and known emails take the same path, the same time (a password hash is verified for
 * both) and get the same answers, so nothing tells which emails have accounts.
 */
export async function authenticate(options: { email: string; password: string; request?: RequestMeta }): Promise<AuthenticatedUser> {
  const email = options.email.trim().toLowerCase();
  // No account has an email over 254 characters or with a NUL (which PostgreSQL cannot even
  // store): such emails are unknown, and share one counter instead of storing whatever is sent.
  const possible = email.length <= MAX_EMAIL_LENGTH && !email.includes('\0');
  const subjects = { address: addressSubject(options.request?.ip), email: possible ? email : '(impossible email)' };
  const charge = await chargeLoginAttempt({ subjects, now: new Date(), request: options.request });
  if (charge.refused) throw throttled(charge.retryAt);

  const user = possible ? await db().user.findUnique({ where: { email } }) : null;
  const passwordIsRight = user ? await verifyPassword(user.passwordHash, options.password) : await burnPasswordCheck(options.password);
  if (!user || !passwordIsRight) {
    // A failure that starts a wait says so at once, with when to retry.
    throw charge.retryAt ? throttled(charge.retryAt) : new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  await forgiveSuccessfulAttempt({ subjects });

  // Only after the right password do we say the account is disabled.
  if (user.disabled) throw new AppError('FORBIDDEN', 'This account is disabled.');

  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
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
