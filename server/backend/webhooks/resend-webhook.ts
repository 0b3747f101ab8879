import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan, assertInScope } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { deliverWebhook } from '@/server/messaging/deliver-webhook';

/**
 * A staff resend from the dashboard: one more attempt now, whatever the delivery's state (an app
 * that lost its data, an exhausted delivery after the app is fixed). It does not touch the retry
 * schedule; success marks the delivery SUCCEEDED. Audited with its outcome.
 */
export async function resendWebhook(options: { actor: Actor; eventId: string; request?: RequestMeta }) {
  assertCan(options.actor, 'webhook.resend');
  const delivery = await db().webhookDelivery.findUnique({ where: { eventId: options.eventId }, select: { companyId: true, url: true } });
  if (!delivery) throw new AppError('NOT_FOUND');
  assertInScope(options.actor, delivery.companyId);
  const outcome = await deliverWebhook({ deliveryId: options.eventId, trigger: 'RESEND' });
  if (outcome === 'SKIPPED') throw new AppError('CONFLICT', 'An attempt of this webhook is in progress; try again in a moment.');
  const attempt = await db().webhookAttempt.findFirstOrThrow({ where: { deliveryId: options.eventId }, orderBy: { number: 'desc' } });
  await recordAudit(db(), {
    actor: options.actor,
    action: 'webhook.resend',
    target: { type: 'WebhookDelivery', id: options.eventId, companyId: delivery.companyId },
    summary: { url: delivery.url, attempt: attempt.number, statusCode: attempt.statusCode, error: attempt.error, delivered: outcome === 'DELIVERED' },
    request: options.request,
  });
  return { delivered: outcome === 'DELIVERED', attempt };
}
