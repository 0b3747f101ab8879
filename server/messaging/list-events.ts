import { db } from '@/server/db/client';
import { toFeedEvent } from '@/server/contract/event';

/**
 * One page of an app's change feed: its events with a cursor after `after`, in cursor order,
 * which is commit order (see writeOutboxEvent). `nextCursor` is the last cursor of the page, or
 * `after` itself when there is nothing new, so an app can always poll with it.
 */
export async function listEvents(options: { appId: string; after: bigint; limit: number }) {
  const rows = await db().outboxEvent.findMany({ where: { appId: options.appId, cursor: { gt: options.after } }, orderBy: { cursor: 'asc' }, take: options.limit });
  const events = rows.map(toFeedEvent);
  return { events, nextCursor: events.at(-1)?.cursor ?? options.after.toString() };
}
