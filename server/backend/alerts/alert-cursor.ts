import { AppError } from '@/server/errors/app-error';

/** Where a page of alerts ended: the last row's `lastSeenAt` and id (the tie-breaker), opaque to the browser. */
export interface AlertCursor {
  lastSeenAt: Date;
  id: string;
}

export function encodeAlertCursor(cursor: AlertCursor): string {
  return Buffer.from(`${cursor.lastSeenAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeAlertCursor(value: string): AlertCursor {
  const [at, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const lastSeenAt = new Date(at ?? '');
  if (!id || rest.length > 0 || Number.isNaN(lastSeenAt.getTime())) throw AppError.invalidFields({ cursor: 'Not a cursor from a previous page.' });
  return { lastSeenAt, id };
}
