import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';

/** What each tRPC procedure returns, as the browser receives it (superjson keeps Dates as Dates). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
