import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan, assertInScope } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { toEventObject } from '@/server/contract/event';

export const webhookDeliveryInput = z.object({ eventId: z.string().trim().min(1).max(64) });

/** One delivery with its event as sent and every attempt; another company's is "not found". */
export async function getWebhookDelivery(options: { actor: Actor; eventId: string }) {
  assertCan(options.actor, 'payment.read');
  const row = await db().webhookDelivery.findUnique({ where: { eventId: options.eventId }, include: { event: true, attempts: { orderBy: { number: 'desc' } } } });
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(options.actor, row.companyId);
  const app = await db().app.findUnique({ where: { id: row.appId }, select: { id: true, name: true } });
  const { event, attempts, leaseUntil, ...delivery } = row;
  return { ...delivery, inFlight: leaseUntil !== null && leaseUntil > new Date(), app, event: toEventObject(event), serialNo: event.serialNo, refundSerialNo: event.refundSerialNo, attempts };
}
