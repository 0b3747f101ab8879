import { getServerSession } from 'next-auth';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { env } from '@/server/config/env';
import { db } from '@/server/db/client';
import type { Role } from '@/server/db/generated/client';
import { authOptions } from './auth-options';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  companyId: string | null;
}

export type SessionState =
  | { user: SessionUser }
  | { user: null; reason: 'signed-out' | 'expired' | 'revoked' };

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/**
 * The signed-in user, re-checked against the database on every request so that disabling a user
 * or changing their password ends their sessions at once. When there is no valid session, says
 * whether the browser had one that expired, so the login page can say so.
 */
export async function currentUser(): Promise<SessionState> {
  const session = await getServerSession(authOptions());
  const jar = await cookies();
  const sessionCookie = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!session) return { user: null, reason: sessionCookie ? 'expired' : 'signed-out' };

  // The session callback does not expose the session version; read it from the token itself.
  const token = sessionCookie ? await decode({ token: sessionCookie, secret: env().NEXTAUTH_SECRET }) : null;
  const user = await db().user.findUnique({ where: { id: session.user.id } });
  if (!user || user.disabled || !token || token.sv !== user.sessionVersion) return { user: null, reason: 'revoked' };
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role, companyId: user.companyId } };
}
