import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '@/server/errors/app-error';
import { requestIdFrom } from '@/server/lib/request-id';
import { refuseAtDoor } from './door-refusal';

/** The methods a Next route module can serve. Next answers any other token with an empty 400. */
const ROUTE_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Why a request is refused before routing, or null to leave it to Next. */
function refusal(method: string, pathname: string): AppError | null {
  if (!ROUTE_METHODS.includes(method)) return new AppError('METHOD_NOT_ALLOWED', `${method.slice(0, 32)} is not a method PayCenter serves.`, { allowed: ROUTE_METHODS });
  // Next answers an empty segment with a 308 to the path without it; a signed request's path cannot change under it.
  if (pathname.includes('//')) return AppError.invalidFields({ '(path)': 'must not contain an empty segment (//)' });
  return null;
}

/**
 * Answers, in its door's format, what Next would answer outside every door's format: a method no
 * route serves (PROPFIND, TRACE, …) and a doubled slash. Runs in PayCenter's HTTP entry
 * (scripts/serve.ts) before Next sees the request. Whether it answered: false leaves it to Next.
 */
export function refuseBeforeRouting(incoming: IncomingMessage, outgoing: ServerResponse): boolean {
  const method = incoming.method ?? 'GET';
  const pathname = (incoming.url ?? '/').split('?')[0]!;
  const error = refusal(method, pathname);
  if (!error) return false;
  const requestId = requestIdFrom(new Headers(typeof incoming.headers['x-request-id'] === 'string' ? { 'x-request-id': incoming.headers['x-request-id'] } : {}));
  const answer = refuseAtDoor({ pathname, requestId, error, page: { text: error.status === 405 ? 'Method Not Allowed' : 'Bad Request' } });
  void answer.text().then((body) => {
    outgoing.writeHead(answer.status, Object.fromEntries(answer.headers));
    outgoing.end(method === 'HEAD' ? undefined : body);
  });
  return true;
}
