import { redirect } from 'next/navigation';
import { cache } from 'react';
import { currentUser, type SessionUser } from '@/server/auth/current-user';

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
