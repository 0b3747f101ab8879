import { serveTrpc } from '@/server/api/trpc-http';
import { currentUser } from '@/server/auth/current-user';
import { wireSandbox } from '@/server/sandbox/provisioning/wire-sandbox';

function handler(req: Request) {
  // Here, not in instrumentation.ts: Next bundles that apart, so its module state would not reach this route.
  wireSandbox();
  return serveTrpc(req, async () => (await currentUser()).user);
}

export { handler as GET, handler as POST };
