import { activateChannel, activateChannelInput } from '@/server/backend/channels/activate-channel';
import { getChannel, getChannelInput } from '@/server/backend/channels/list-channels';
import { updateChannelCredentials, updateChannelCredentialsInput } from '@/server/backend/channels/update-channel-credentials';
import { updateChannelSettings, updateChannelSettingsInput } from '@/server/backend/channels/update-channel-settings';
import {
  addTrustedCertificate,
  addTrustedCertificateInput,
  revokeTrustedCertificate,
  revokeTrustedCertificateInput,
} from '@/server/backend/certificates/manage-trusted-certificates';
import { actorOf } from '../actor';
import { authedProcedure, createTRPCRouter } from '../trpc';

export const channelsRouter = createTRPCRouter({
  get: authedProcedure.input(getChannelInput).query(({ ctx, input }) => getChannel({ actor: actorOf(ctx.user), paymentId: input.paymentId })),
  activate: authedProcedure.input(activateChannelInput).mutation(({ ctx, input }) => activateChannel({ actor: actorOf(ctx.user), input, request: ctx.request })),
  updateCredentials: authedProcedure
    .input(updateChannelCredentialsInput)
    .mutation(({ ctx, input }) => updateChannelCredentials({ actor: actorOf(ctx.user), input, request: ctx.request })),
  updateSettings: authedProcedure
    .input(updateChannelSettingsInput)
    .mutation(({ ctx, input }) => updateChannelSettings({ actor: actorOf(ctx.user), input, request: ctx.request })),
  addCertificate: authedProcedure
    .input(addTrustedCertificateInput)
    .mutation(({ ctx, input }) => addTrustedCertificate({ actor: actorOf(ctx.user), input, request: ctx.request })),
  revokeCertificate: authedProcedure
    .input(revokeTrustedCertificateInput)
    .mutation(({ ctx, input }) => revokeTrustedCertificate({ actor: actorOf(ctx.user), input, request: ctx.request })),
});
