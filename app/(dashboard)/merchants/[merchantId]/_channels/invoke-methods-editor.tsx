'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { CreateFormActions } from '@/components/ui/form-actions';
import { getFormErrors } from '@/components/ui/form-errors';
import { CHANNEL_INVOKE_METHODS } from '@/server/contract/invoke-methods';
import type { ChannelInvokeMethod, ChannelView } from '../../merchant-types';
import { useAnnounce } from '../../_form/announcer';
import { ChoiceGroup } from '../../_form/choice-group';

/** Checkboxes for the invoke methods the channel supports; at least one stays enabled. */
export function InvokeMethodsEditor({ channel, onDone }: { channel: ChannelView; onDone: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const id = useId();
  const supported = CHANNEL_INVOKE_METHODS[channel.channel];
  const [methods, setMethods] = useState<ChannelInvokeMethod[]>(() => supported.filter((method) => channel.invokeMethods.includes(method)));
  const [emptyError, setEmptyError] = useState(false);
  const update = useMutation(
    trpc.channels.updateSettings.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.merchants.get.queryKey({ merchantId: channel.merchantId }) });
        announce(t('channels.editMethods.success'));
        onDone();
      },
    }),
  );
  const errors = getFormErrors(update.error, t, { knownFields: ['invokeMethods'] });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    if (methods.length === 0) {
      setEmptyError(true);
      document.getElementById(id)?.focus();
      return;
    }
    update.mutate({ paymentId: channel.paymentId, invokeMethods: methods });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="invoke-methods-form">
      <ChoiceGroup
        type="checkbox"
        inline
        id={id}
        name="invokeMethods"
        legend={t('channels.editMethods.title')}
        options={supported.map((value) => ({ value, label: t(`channels.methods.${value}`) }))}
        value={methods}
        onChange={(next) => {
          setMethods(supported.filter((method) => next.includes(method)));
          setEmptyError(false);
        }}
        error={emptyError ? t('channels.editMethods.required') : errors.fields.invokeMethods}
      />
      {errors.message && !errors.fields.invokeMethods ? (
        <Alert tone="error" role="alert">
          {errors.message}
        </Alert>
      ) : null}
      <CreateFormActions pending={update.isPending} submitLabel={t('channels.editMethods.submit')} pendingLabel={t('channels.editMethods.submitting')} onCancel={onDone} />
    </form>
  );
}
