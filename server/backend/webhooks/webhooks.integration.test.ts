// The dashboard's delivery log: company scoping, filters, the attempts of one delivery, and an
// audited resend that makes a new attempt at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Shop } from '@/server/backend/payments/testing/payment-rows';
import { db } from '@/server/db/client';
import { deliverWebhook } from '@/server/messaging/deliver-webhook';
import { committedEvent, webhookShop } from '@/server/messaging/testing/webhook-fixtures';
import { makeUser, platformAdmin } from '@/server/testing/fixtures';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';
import { getWebhookDelivery } from './get-webhook-delivery';
import { listWebhookDeliveries, listWebhookDeliveriesInput } from './list-webhook-deliveries';
import { resendWebhook } from './resend-webhook';

let shop: Shop & { secret: string };
let other: Shop & { secret: string };
let receiver: WebhookReceiver;
const list = (actor: Parameters<typeof listWebhookDeliveries>[0]['actor'], input: Record<string, unknown> = {}) =>
  listWebhookDeliveries({ actor, input: listWebhookDeliveriesInput.parse(input) });

beforeAll(async () => {
  [shop, other] = await Promise.all([webhookShop(), webhookShop()]);
  receiver = await webhookReceiver({ script: [{ status: 500, body: 'down for maintenance' }] });
});
afterAll(() => receiver?.close());

describe('webhook delivery log', () => {
  it('company staff see their company’s deliveries only, filtered by status, type and serial number', async () => {
    const failing = await committedEvent(shop, receiver.url);
    await deliverWebhook({ deliveryId: failing });
    const delivered = await committedEvent(shop, receiver.url);
    await deliverWebhook({ deliveryId: delivered });
    const foreign = await committedEvent(other, receiver.url);
    const staff = await makeUser('COMPANY_STAFF', shop.companyId);

    const all = await list(staff);
    expect(all.items.map((i) => i.eventId).sort()).toEqual([failing, delivered].sort());
    expect(all.items.find((i) => i.eventId === failing)).toMatchObject({ status: 'PENDING', attemptCount: 1, lastStatusCode: 500, type: 'payment.succeeded', app: { id: shop.appId } });
    expect((await list(staff, { status: 'SUCCEEDED' })).items.map((i) => i.eventId)).toEqual([delivered]);
    expect((await list(staff, { type: 'refund.failed' })).total).toBe(0);
    const serialNo = (await db().outboxEvent.findUniqueOrThrow({ where: { id: failing } })).serialNo!;
    expect((await list(staff, { search: serialNo })).items.map((i) => i.eventId)).toEqual([failing]);
    // Naming another company does not widen the scope; its delivery is not found.
    expect((await list(staff, { companyId: other.companyId })).items.map((i) => i.eventId)).not.toContain(foreign);
    await expect(getWebhookDelivery({ actor: staff, eventId: foreign })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await list(await platformAdmin(), { appId: other.appId })).items.map((i) => i.eventId)).toEqual([foreign]);
  });

  it('shows the attempts of a delivery and resends it now, audited; an auditor cannot resend', async () => {
    const eventId = await committedEvent(shop, receiver.url);
    receiver.script.push({ status: 500, body: 'down for maintenance' });
    await deliverWebhook({ deliveryId: eventId });
    const staff = await makeUser('COMPANY_STAFF', shop.companyId);
    const detail = await getWebhookDelivery({ actor: staff, eventId });
    expect(detail.event).toMatchObject({ id: eventId, type: 'payment.succeeded' });
    expect(detail.attempts).toHaveLength(1);
    expect(detail.attempts[0]).toMatchObject({ number: 1, trigger: 'AUTO', statusCode: 500, responseExcerpt: 'down for maintenance', url: receiver.url });

    const auditor = await makeUser('AUDITOR', shop.companyId);
    await expect(resendWebhook({ actor: auditor, eventId })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const resent = await resendWebhook({ actor: staff, eventId, request: { ip: '203.0.113.9' } });
    expect(resent).toMatchObject({ delivered: true, attempt: { number: 2, trigger: 'RESEND', statusCode: 200 } });
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { eventId } })).toMatchObject({ status: 'SUCCEEDED', attemptCount: 2 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: 'webhook.resend', targetId: eventId } });
    expect(audit).toMatchObject({ actorId: staff.userId, companyId: shop.companyId, ip: '203.0.113.9' });
    expect(audit.summary).toMatchObject({ attempt: 2, statusCode: 200, delivered: true });
  });
});
