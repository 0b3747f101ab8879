// For tests: serves Web `(request: Request) => Promise<Response>` route handlers over a real node:http
// server, so real clients (alipay-sdk, fetch) talk to them as to a deployed Next app.
import { serveWebHandler, type RunningServer } from '@/server/testing/node-http-bridge';

export type { RunningServer };
export type RouteHandler = (request: Request) => Promise<Response>;

/** Routes by exact path (no query); anything else is a 404. */
export async function serveRouteHandlers(routes: Readonly<Record<string, RouteHandler>>, options: { port?: number } = {}): Promise<RunningServer> {
  return serveWebHandler(async (request) => {
    const handler = routes[new URL(request.url).pathname];
    return handler ? handler(request) : new Response('Not Found', { status: 404 });
  }, options);
}
