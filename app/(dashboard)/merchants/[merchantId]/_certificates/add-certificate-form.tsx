'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { CreateFormActions } from '@/components/ui/form-actions';
import { getFormErrors } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { ChannelView } from '../../merchant-types';
import { useAnnounce } from '../../_form/announcer';

/** Trusts one more certificate or public key of the channel; WeChat Pay public keys need their ID. */
export function AddCertificateForm({ channel, onDone }: { channel: ChannelView; onDone: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const id = useId();
  const add = useMutation(
    trpc.channels.addCertificate.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.merchants.get.queryKey({ merchantId: channel.merchantId }) });
        announce(t('certificates.add.success'));
        onDone();
      },
    }),
  );
  const errors = getFormErrors(add.error, t, { overrides: { CONFLICT: t('certificates.add.duplicate') }, knownFields: ['pem', 'publicKeyId'] });
  const hasFieldErrors = Object.keys(errors.fields).length > 0;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const form = new FormData(event.currentTarget);
    const publicKeyId = String(form.get('publicKeyId') ?? '').trim();
    add.mutate({ paymentId: channel.paymentId, pem: String(form.get('pem') ?? ''), ...(publicKeyId ? { publicKeyId } : {}) });
  }

  return (
    <form noValidate onSubmit={handleSubmit} aria-labelledby={`${id}-title`} className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="add-certificate-form">
      <h5 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {t('certificates.add.title')}
      </h5>
      {errors.message && !hasFieldErrors ? (
        <Alert tone="error" role="alert">
          {errors.message}
        </Alert>
      ) : null}
      <Textarea
        name="pem"
        label={t('certificates.add.pem')}
        hint={t('certificates.add.pemHint')}
        rows={6}
        spellCheck={false}
        autoComplete="off"
        placeholder="-----BEGIN CERTIFICATE-----"
        error={errors.fields.pem}
      />
      {channel.channel === 'WECHATPAY' ? (
        <Input name="publicKeyId" label={t('certificates.add.publicKeyId')} placeholder="PUB_KEY_ID_…" spellCheck={false} autoComplete="off" error={errors.fields.publicKeyId} />
      ) : null}
      <CreateFormActions pending={add.isPending} submitLabel={t('certificates.add.submit')} pendingLabel={t('certificates.add.submitting')} onCancel={onDone} />
    </form>
  );
}
