import { isSerialNo } from '@/server/core/serial-numbers';
import { AppError } from '@/server/errors/app-error';
import type { DayRange } from './statement-query';

/** The last item of a page: the next page starts strictly after it in (at, id) order. */
export interface ItemPosition {
  at: Date;
  id: string;
}

export function encodeCursor(position: ItemPosition): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`, 'utf8').toString('base64url');
}

/**
 * A cursor is only a position, so it need not be secret: whatever it says, the query stays inside the
 * app's own items of that merchant and day. It is validated so that a garbled or another day's cursor is
 * a 400 naming `cursor` instead of a silently wrong page.
 */
export function decodeCursor(cursor: string, day: DayRange): ItemPosition {
  const invalid = () => AppError.invalidFields({ cursor: 'is not a cursor of this statement; use nextCursor as answered' });
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !iso || !id || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(iso)) throw invalid();
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || at < day.start || at >= day.end) throw invalid();
  if (!isSerialNo(id, 'P') && !isSerialNo(id, 'R')) throw invalid();
  return { at, id };
}
