import { toAppError } from '@/server/errors/app-error';
import { clientIp as clientIpOf } from '@/server/lib/client-ip';
import { requestLogger } from '@/server/logging/logger';
import { requestIdFrom } from '@/server/lib/request-id';
import { metrics, secondsSince } from '@/server/observability/metrics';
import { authenticateAppRequest, type AuthenticatedApp } from './authenticate-app';
import { errorResponse, jsonResponse } from './json-response';
import { checkPathParams } from './path-params';
import { readBodyLimited } from './read-body';

export interface AppRequest<P> {
  app: AuthenticatedApp;
  params: P;
  url: URL;
  headers: Headers;
  rawBody: string;
  requestId: string;
  clientIp: string | null;
}

/** Next hands params decoded; a malformed escape cannot be a param, so it stays as it is. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The route's pattern from the path and Next's params, `/api/v1/payments/[serialNo]/close`: a metric
 * label that names the route, never a serial number.
 */
function routePattern(pathname: string, params: Record<string, string | string[]> | undefined): string {
  const names = new Map(Object.entries(params ?? {}).flatMap(([name, value]) => (typeof value === 'string' ? [[value, name] as const] : [])));
  return pathname
    .split('/')
    .map((segment) => {
      const name = names.get(safeDecode(segment));
      return name ? `[${name}]` : segment;
    })
    .join('/');
}

/** What a handler answers: JSON, or a response of its own (a streamed CSV) once nothing can fail before its first byte. */
export type AppAnswer = { status: number; body: unknown } | Response;

/**
 * The wrapper of every /api/v1 route handler: reads the body (at most 64 KiB), authenticates the
 * app, checks the path parameters (path-params.ts), runs the handler and answers JSON (or the handler's own response). Anything thrown becomes the contract's error shape;
 * unexpected errors are logged with the request id and answered 500 without internals. Each
 * answer is counted and timed by route pattern and status.
 */
export function appRoute<P extends Record<string, string | string[]>>(
  handler: (request: AppRequest<P>) => Promise<AppAnswer>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const started = performance.now();
    const response = await answer(request, context);
    // Next gives a route without dynamic segments no params at all (the test bridge always does).
    const route = routePattern(new URL(request.url).pathname, await Promise.resolve(context.params).catch(() => undefined));
    metrics().httpRequests.inc({ route, method: request.method, status: response.status });
    metrics().httpDuration.observe({ route, method: request.method }, secondsSince(started));
    return response;
  };

  async function answer(request: Request, context: { params: Promise<P> }): Promise<Response> {
    const requestId = requestIdFrom(request.headers);
    try {
      const url = new URL(request.url);
      const rawBody = await readBodyLimited(request);
      const clientIp = clientIpOf(request.headers);
      const app = await authenticateAppRequest({
        headers: request.headers,
        method: request.method,
        pathWithQuery: url.pathname + url.search,
        rawBody,
        clientIp,
      });
      const params = await context.params;
      if (params) checkPathParams(params);
      const result = await handler({ app, params, url, headers: request.headers, rawBody, requestId, clientIp });
      if (result instanceof Response) {
        result.headers.set('x-request-id', requestId);
        return result;
      }
      return jsonResponse(result.status, result.body, requestId);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'INTERNAL_ERROR') {
        requestLogger(requestId).error({ err: error, method: request.method, path: new URL(request.url).pathname }, 'app API request failed');
      }
      return errorResponse(appError, requestId);
    }
  }
}
