import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { currentUser, type SessionUser } from '@/server/auth/current-user';
import { AppError } from '@/server/errors/app-error';

/**
 * The signed-in user, or a redirect to the login page saying why the session ended. Call it in the
 * layout and in every dashboard page: on client navigation Next renders only the page, not the
 * layout, so a layout check alone would not guard it. Cached, so both share one lookup per request.
 */
export const requireUser = cache(async (): Promise<SessionUser> => {
  const session = await currentUser();
  if (session.user) return session.user;
  redirect(session.reason === 'signed-out' ? '/login' : `/login?reason=${session.reason}`);
});

/** The signed-in platform admin; anyone else is told the page does not exist. */
export async function requirePlatformAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== 'PLATFORM_ADMIN') notFound();
  return user;
}

/** What `load` answers; a NOT_FOUND from the service is the page's 404. */
export async function requireFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
