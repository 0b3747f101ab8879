import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { SessionUser } from '@/server/auth/current-user';
import { clientIp } from '@/server/lib/client-ip';
import { requestLogger } from '@/server/logging/logger';
import { requestIdFrom } from '@/server/lib/request-id';
import { appRouter } from './root';

/** The dashboard's tRPC over HTTP, for the user `signedIn` resolves (the route reads the session; tests name a user). */
export function serveTrpc(req: Request, signedIn: () => Promise<SessionUser | null>): Promise<Response> {
  const requestId = requestIdFrom(req.headers);
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => ({
      user: await signedIn(),
      request: { requestId, ip: clientIp(req.headers), userAgent: req.headers.get('user-agent') },
      log: requestLogger(requestId),
    }),
    responseMeta: () => ({ headers: new Headers({ 'x-request-id': requestId }) }),
  });
}
