'use client';

import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@/server/api/root';

/**
 * Typed tRPC hooks for client components: `const trpc = useTRPC(); useQuery(trpc.session.me.queryOptions())`.
 * The provider is mounted once in app/providers.tsx.
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
