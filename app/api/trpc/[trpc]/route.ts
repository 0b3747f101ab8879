import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/api/root';
import { currentUser } from '@/server/auth/current-user';
import { requestIdFrom, requestLogger } from '@/server/logging/logger';
import { clientIp } from '@/server/lib/client-ip';
import { wireSandbox } from '@/server/sandbox/provisioning/wire-sandbox';

function handler(req: Request) {
  // Here, not in instrumentation.ts: Next bundles that apart, so its module state would not reach this route.
  wireSandbox();
  const requestId = requestIdFrom(req.headers);
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => ({
      user: (await currentUser()).user,
      request: { requestId, ip: clientIp(req.headers), userAgent: req.headers.get('user-agent') },
      log: requestLogger(requestId),
    }),
    responseMeta: () => ({ headers: new Headers({ 'x-request-id': requestId }) }),
  });
}

export { handler as GET, handler as POST };
