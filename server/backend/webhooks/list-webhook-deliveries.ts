import { z } from 'zod';
import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';
import { assertCan, companyFilter } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { listQuery, paging, readPage } from '@/server/backend/lists/list-query';

export const listWebhookDeliveriesInput = listQuery(['createdAt'] as const).extend({
  companyId: z.string().max(64).optional(),
  appId: z.string().max(64).optional(),
  status: z.enum(['PENDING', 'SUCCEEDED', 'EXHAUSTED']).optional(),
  type: z.string().max(64).optional(),
});

/**
 * Webhook deliveries in the actor's scope (the company of the event), newest first. The search box
 * matches an event id or the payment's or refund's serial number exactly.
 */
export async function listWebhookDeliveries(options: { actor: Actor; input: z.infer<typeof listWebhookDeliveriesInput> }) {
  assertCan(options.actor, 'payment.read');
  const { input } = options;
  const event: Prisma.OutboxEventWhereInput = {
    ...(input.type ? { type: input.type } : {}),
    ...(input.search ? { OR: [{ id: input.search }, { serialNo: input.search }, { refundSerialNo: input.search }] } : {}),
  };
  const where: Prisma.WebhookDeliveryWhereInput = {
    ...(input.companyId ? { companyId: input.companyId } : {}),
    ...companyFilter(options.actor),
    ...(input.appId ? { appId: input.appId } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(Object.keys(event).length > 0 ? { event } : {}),
  };
  const page = await readPage(
    input,
    db().webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: input.sortDir }, { eventId: input.sortDir }],
      ...paging(input),
      include: { event: { select: { type: true, serialNo: true, refundSerialNo: true, livemode: true } } },
    }),
    db().webhookDelivery.count({ where }),
  );
  const apps = await db().app.findMany({ where: { id: { in: [...new Set(page.items.map((r) => r.appId))] } }, select: { id: true, name: true } });
  const appById = new Map(apps.map((app) => [app.id, app]));
  const items = page.items.map(({ event, leaseUntil: _lease, ...delivery }) => ({ ...delivery, ...event, app: appById.get(delivery.appId) ?? { id: delivery.appId, name: delivery.appId } }));
  return { ...page, items };
}
