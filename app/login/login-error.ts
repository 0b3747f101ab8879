/** A failed sign-in, as the login page explains it. Which of email or password was wrong is never said. */
export type LoginError =
  | { kind: 'credentials' }
  | { kind: 'locked'; until: Date | null }
  | { kind: 'disabled' }
  | { kind: 'unexpected' };

/**
 * Reads next-auth's error string, which carries server/auth/auth-options.ts's `CODE` or
 * `ACCOUNT_LOCKED:<ISO time>`. Anything unknown (including next-auth's own codes) is unexpected.
 */
export function parseLoginError(raw: string | null | undefined): LoginError | null {
  if (!raw) return null;
  const separator = raw.indexOf(':');
  const code = separator === -1 ? raw : raw.slice(0, separator);
  const detail = separator === -1 ? '' : raw.slice(separator + 1);
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'CredentialsSignin':
      return { kind: 'credentials' };
    case 'ACCOUNT_LOCKED': {
      const until = new Date(detail);
      return { kind: 'locked', until: detail && !Number.isNaN(until.getTime()) ? until : null };
    }
    case 'FORBIDDEN':
      return { kind: 'disabled' };
    default:
      return { kind: 'unexpected' };
  }
}
