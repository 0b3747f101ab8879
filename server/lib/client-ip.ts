/**
 * The client address as seen by the reverse proxy in front of PayCenter (first X-Forwarded-For
 * entry, else X-Real-IP). Deployments must make their proxy overwrite these headers.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || null;
}
