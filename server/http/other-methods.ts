import { AppError } from '@/server/errors/app-error';
import { requestIdFrom } from '@/server/lib/request-id';
import { errorResponse } from './json-response';

/** The methods Next lets a route module export; it answers OPTIONS itself, and HEAD from GET. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type Handler = (request: Request) => Promise<Response>;
/** What a route serving `Served` does not: the rest, HEAD included unless GET is served. */
type Refused<Served extends Method> = Exclude<Method, Served | (Served extends 'GET' ? 'HEAD' : never)>;

/**
 * 405 handlers for every method an app API route does not serve: without them Next answers an
 * empty 405, outside the contract's error shape. `export const { PUT, PATCH, DELETE, POST } =
 * otherMethods('GET');` exports them; the Allow header lists what the route serves.
 */
export function otherMethods<Served extends Exclude<Method, 'HEAD'>>(...served: Served[]): Record<Refused<Served>, Handler> {
  const allowed = new Set<string>([...served, 'OPTIONS']);
  if (allowed.has('GET')) allowed.add('HEAD');
  const allow = [...allowed].sort().join(', ');
  const refuse: Handler = async (request) => {
    const response = errorResponse(new AppError('METHOD_NOT_ALLOWED', `${request.method} is not allowed here; use ${allow}.`, { allowed: [...allowed].sort() }), requestIdFrom(request.headers));
    response.headers.set('allow', allow);
    return response;
  };
  return Object.fromEntries(METHODS.filter((method) => !allowed.has(method)).map((method) => [method, refuse])) as Record<Refused<Served>, Handler>;
}
