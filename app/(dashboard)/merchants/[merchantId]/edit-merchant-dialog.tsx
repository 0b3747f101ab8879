'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CreateFormActions } from '@/components/ui/form-actions';
import { getFormErrors } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { Modal } from '@/components/ui/modal';
import { Textarea } from '@/components/ui/textarea';
import type { MerchantDetail } from '../merchant-types';
import { useAnnounce } from '../_form/announcer';

/** The "编辑" button and its dialog: a merchant's name and description. */
export function EditMerchantDialog({ merchant }: { merchant: MerchantDetail }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const update = useMutation(
    trpc.merchants.update.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.merchants.get.queryKey({ merchantId: merchant.id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.merchants.list.queryKey() }),
        ]);
        setOpen(false);
        announce(t('merchants.edit.success'));
      },
    }),
  );
  const errors = getFormErrors(update.error, t, { knownFields: ['name', 'description'] });

  function close() {
    if (update.isPending) return;
    setOpen(false);
    update.reset();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const form = new FormData(event.currentTarget);
    update.mutate({ merchantId: merchant.id, name: String(form.get('name') ?? ''), description: String(form.get('description') ?? '') });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('merchants.edit.open')}
      </Button>
      <Modal open={open} onClose={close} title={t('merchants.edit.title')}>
        <form noValidate onSubmit={handleSubmit} className="mt-4 space-y-4">
          {errors.message && Object.keys(errors.fields).length === 0 ? (
            <Alert tone="error" role="alert">
              {errors.message}
            </Alert>
          ) : null}
          <Input name="name" label={t('merchants.create.name')} defaultValue={merchant.name} required maxLength={100} autoComplete="off" error={errors.fields.name} />
          <Textarea name="description" label={t('merchants.create.descriptionLabel')} defaultValue={merchant.description ?? ''} rows={3} maxLength={500} error={errors.fields.description} />
          <CreateFormActions pending={update.isPending} submitLabel={t('merchants.edit.submit')} pendingLabel={t('merchants.edit.submitting')} onCancel={close} />
        </form>
      </Modal>
    </>
  );
}
