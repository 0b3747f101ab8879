'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { CreateFormActions } from '@/components/ui/form-actions';
import { getFormErrors } from '@/components/ui/form-errors';
import type { ChannelView } from '../../merchant-types';
import { useAnnounce } from '../../_form/announcer';
import { ErrorSummary } from '../../_form/error-summary';
import { channelErrorItems } from './channel-error-items';
import { CredentialFields } from './credential-fields';
import { credentialsFromForm } from './credentials-from-form';
import type { MaskedCredentials } from './masked-credentials-of';

export interface EditCredentialsFormProps {
  channel: ChannelView;
  masked: MaskedCredentials | null;
  onDone: () => void;
}

/** Replace-only editing of a LIVE channel's parameters: only the fields filled in are sent. */
export function EditCredentialsForm({ channel, masked, onDone }: EditCredentialsFormProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const idPrefix = useId();
  const update = useMutation(
    trpc.channels.updateCredentials.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.merchants.get.queryKey({ merchantId: channel.merchantId }) });
        announce(t('channels.editCredentials.success'));
        onDone();
      },
    }),
  );
  const errors = getFormErrors(update.error, t, { overrides: { CONFLICT: t('channels.editCredentials.conflict') } });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const credentials = credentialsFromForm(channel.channel, new FormData(event.currentTarget), { onlyFilled: true });
    update.mutate({ paymentId: channel.paymentId, credentials });
  }

  return (
    <form noValidate onSubmit={handleSubmit} aria-labelledby={`${idPrefix}-title`} className="space-y-5 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="edit-credentials-form">
      <div>
        <h4 id={`${idPrefix}-title`} className="font-semibold text-slate-900">
          {t('channels.editCredentials.title')}
        </h4>
        <p className="mt-1 text-sm text-slate-600">{t('channels.editCredentials.description')}</p>
      </div>
      <ErrorSummary
        error={update.error}
        title={t('merchants.errors.summaryTitle')}
        formatLabel={(label) => t('merchants.errors.fieldLabel', { label })}
        message={errors.message}
        items={channelErrorItems(channel.channel, errors.fields, idPrefix, t)}
      />
      <CredentialFields channel={channel.channel} idPrefix={idPrefix} errors={errors.fields} editing={masked} />
      <CreateFormActions pending={update.isPending} submitLabel={t('channels.editCredentials.submit')} pendingLabel={t('channels.editCredentials.submitting')} onCancel={onDone} />
    </form>
  );
}
