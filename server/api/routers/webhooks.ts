import { getWebhookDelivery, webhookDeliveryInput } from '@/server/backend/webhooks/get-webhook-delivery';
import { listWebhookDeliveries, listWebhookDeliveriesInput } from '@/server/backend/webhooks/list-webhook-deliveries';
import { resendWebhook } from '@/server/backend/webhooks/resend-webhook';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

export const webhooksRouter = createTRPCRouter({
  list: authedProcedure.input(listWebhookDeliveriesInput).query(({ ctx, input }) => listWebhookDeliveries({ actor: actorOf(ctx.user), input })),
  get: authedProcedure.input(webhookDeliveryInput).query(({ ctx, input }) => getWebhookDelivery({ actor: actorOf(ctx.user), eventId: input.eventId })),
  resend: authedProcedure
    .input(webhookDeliveryInput)
    .mutation(({ ctx, input }) => resendWebhook({ actor: actorOf(ctx.user), eventId: input.eventId, request: ctx.request })),
});
