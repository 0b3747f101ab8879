import { db } from '@/server/db/client';
import type { SplitWithLines } from '@/server/contract/split';
import { AppError } from '@/server/errors/app-error';
import { isSerialNo } from '../serial-numbers';

/** One of the app's splits; another app's split is not found, never forbidden. */
export async function findSplitForApp(options: { appId: string; splitSerialNo: string }): Promise<SplitWithLines> {
  if (!isSerialNo(options.splitSerialNo, 'S')) throw new AppError('NOT_FOUND');
  const split = await db().split.findUnique({ where: { splitSerialNo: options.splitSerialNo }, include: { lines: true } });
  if (!split || split.appId !== options.appId) throw new AppError('NOT_FOUND');
  return split;
}
