'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { getFormErrors } from '@/components/ui/form-errors';
import { useFocusInvalid } from '@/components/ui/use-focus-invalid';
import { pickFieldErrors, useFormFields } from '@/components/ui/use-form-fields';
import { AppFields } from '../app-fields';
import { APP_FIELDS, appInput, appValues, validateApp } from '../validate-app';

export interface EditAppFormProps {
  app: { id: string; name: string; description: string | null; defaultNotifyUrl: string | null; ipAllowlist: string[] };
}

export function EditAppForm({ app }: EditAppFormProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [initial] = useState(() => appValues(app));
  const { values, errors, setErrors, setField } = useFormFields(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { ref, focusInvalid } = useFocusInvalid();

  const update = useMutation(
    trpc.apps.update.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.apps.pathKey() });
      },
      onError: (error) => {
        const result = getFormErrors(error, t, { knownFields: APP_FIELDS });
        setErrors(pickFieldErrors(result.fields, APP_FIELDS));
        setMessage(result.message);
        focusInvalid();
      },
    }),
  );

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    setMessage(null);
    setSaved(false);
    const invalid = validateApp(values, t);
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) {
      focusInvalid();
      return;
    }
    update.mutate({ appId: app.id, ...appInput(values) });
  }

  return (
    <form ref={ref} onSubmit={handleSubmit} noValidate className="space-y-4" data-testid="edit-app-form">
      <AppFields
        values={values}
        errors={errors}
        onChange={(field, value) => {
          setField(field, value);
          setSaved(false);
        }}
      />
      <div role="alert">{message ? <Alert tone="error">{message}</Alert> : null}</div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-end">
        <p role="status" className="text-sm text-green-800">
          {saved ? t('ui.form.saved') : null}
        </p>
        <Button type="submit" aria-disabled={update.isPending || undefined}>
          {update.isPending ? t('ui.form.saving') : t('ui.form.save')}
        </Button>
      </div>
    </form>
  );
}
