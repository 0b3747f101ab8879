import { db } from '@/server/db/client';
import type { Refund } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { isSerialNo } from '@/server/core/serial-numbers';

/** One of the app's refunds; another app's refund is not found, never forbidden. */
export async function findRefundForApp(options: { appId: string; refundSerialNo: string }): Promise<Refund> {
  if (!isSerialNo(options.refundSerialNo, 'R')) throw new AppError('NOT_FOUND');
  const refund = await db().refund.findUnique({ where: { refundSerialNo: options.refundSerialNo } });
  if (!refund || refund.appId !== options.appId) throw new AppError('NOT_FOUND');
  return refund;
}
