import type { SessionUser } from '@/server/auth/current-user';
import type { RequestMeta } from '@/server/backend/audit/record-audit';
import type { Logger } from '@/server/logging/logger';

/** What every tRPC procedure receives. Built from the request in the route, or directly in tests. */
export interface Context {
  user: SessionUser | null;
  request: RequestMeta & { requestId: string };
  log: Logger;
}
