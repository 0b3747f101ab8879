/** A failed sign-in, as the login page explains it. Which of email or password was wrong is never said. */
export type LoginError =
  | { kind: 'credentials' }
  | { kind: 'throttled'; retryAt: Date | null }
  | { kind: 'disabled' }
  | { kind: 'unexpected' };

/**
 * Reads next-auth's error string, which carries server/auth/auth-options.ts's `CODE` or
 * `LOGIN_THROTTLED:<ISO retry time>`. Anything unknown (including next-auth's own codes) is unexpected.
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
    case 'LOGIN_THROTTLED': {
      const retryAt = new Date(detail);
      return { kind: 'throttled', retryAt: detail && !Number.isNaN(retryAt.getTime()) ? retryAt : null };
    }
    case 'FORBIDDEN':
      return { kind: 'disabled' };
    default:
      return { kind: 'unexpected' };
  }
}
