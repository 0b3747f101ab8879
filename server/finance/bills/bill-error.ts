import { AppError } from '@/server/errors/app-error';

export interface BillPlace {
  line?: number;
  column?: string;
}

/** A bill that cannot be read completely: the one error, naming where, so no partial result passes for whole. */
export function billError(message: string, place: BillPlace = {}): AppError {
  const where = [place.line === undefined ? '' : `line ${place.line}`, place.column === undefined ? '' : `column ${place.column}`].filter(Boolean).join(', ');
  return new AppError('INVALID_REQUEST', where ? `${where}: ${message}` : message, { ...place });
}
