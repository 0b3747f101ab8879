// GET /api/v1/events?after={cursor}&limit={1..500} — the app's change feed.
import { z } from 'zod';
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';
import { parseQuery } from '@/server/http/parse-body';
import { listEvents } from '@/server/messaging/list-events';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

const feedQuery = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,19}$/, { error: 'expected a cursor: the digits of an event cursor, or 0' })
    .transform(BigInt)
    .refine((cursor) => cursor <= 2n ** 63n - 1n, { error: 'is past any cursor' })
    .default(0n),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, { error: 'expected a whole number from 1 to 500' })
    .transform(Number)
    .pipe(z.number().min(1, { error: 'expected a whole number from 1 to 500' }).max(500, { error: 'expected a whole number from 1 to 500' }))
    .default(100),
});

export const GET = appRoute(async ({ app, url }) => {
  const query = parseQuery(url, feedQuery);
  return { status: 200, body: await listEvents({ appId: app.id, after: query.after, limit: query.limit }) };
});
