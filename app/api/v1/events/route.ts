// GET /api/v1/events?after={cursor}&limit={1..500} — the app's change feed.
import { eventFeedQuery } from '@/server/contract/event';
import { appRoute } from '@/server/http/app-route';
import { otherMethods } from '@/server/http/other-methods';
import { parseQuery } from '@/server/http/parse-body';
import { listEvents } from '@/server/messaging/list-events';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

export const GET = appRoute(async ({ app, url }) => {
  const query = parseQuery(url, eventFeedQuery);
  return { status: 200, body: await listEvents({ appId: app.id, after: query.after, limit: query.limit }) };
});
