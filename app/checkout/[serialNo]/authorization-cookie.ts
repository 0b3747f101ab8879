// The nonce of a WeChat authorization in the payer's browser (see in-app-authorization-state.ts):
// only for this checkout's paths, not readable by scripts, sent on WeChat's top-level redirect back.
import { env } from '@/server/config/env';
import { AUTHORIZATION_LIFETIME_MS } from '@/server/core/payments/in-app-authorization-state';

const NAME = 'paycenter_authorization';

function cookie(serialNo: string, value: string, maxAgeSeconds: number): string {
  const secure = env().PAYCENTER_BASE_URL.startsWith('https:') ? '; Secure' : '';
  return `${NAME}=${value}; Path=/checkout/${encodeURIComponent(serialNo)}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
}

export const setAuthorizationCookie = (serialNo: string, nonce: string) => cookie(serialNo, nonce, AUTHORIZATION_LIFETIME_MS / 1000);

/** Spent on the first callback, whatever its outcome. */
export const clearAuthorizationCookie = (serialNo: string) => cookie(serialNo, '', 0);

export function authorizationCookieOf(request: Request): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === NAME) return value.join('=') || null;
  }
  return null;
}
