import { randomUUID } from 'node:crypto';

/** A request id from a trusted upstream header if well-formed, else a new one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get('x-request-id');
  return given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
}
