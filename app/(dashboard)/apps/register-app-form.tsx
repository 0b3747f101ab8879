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
import { AppFields } from './app-fields';
import { APP_FIELDS, appInput, emptyApp, validateApp } from './validate-app';

export interface RegisteredApp {
  id: string;
  name: string;
  secret: string;
}

export function RegisterAppForm({ onRegistered, onCancel }: { onRegistered: (app: RegisteredApp) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { values, errors, setErrors, setField, reset } = useFormFields(emptyApp);
  const [message, setMessage] = useState<string | null>(null);
  const { ref, focusInvalid } = useFocusInvalid();

  const register = useMutation(
    trpc.apps.register.mutationOptions({
      onSuccess: async ({ app, secret }) => {
        reset();
        onRegistered({ id: app.id, name: app.name, secret });
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
    if (register.isPending) return;
    setMessage(null);
    const invalid = validateApp(values, t);
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) {
      focusInvalid();
      return;
    }
    register.mutate(appInput(values));
  }

  return (
    <form ref={ref} onSubmit={handleSubmit} noValidate className="space-y-4" data-testid="register-app-form">
      <AppFields values={values} errors={errors} onChange={setField} />
      <div role="alert">{message ? <Alert tone="error">{message}</Alert> : null}</div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          {t('ui.form.cancel')}
        </Button>
        <Button type="submit" aria-disabled={register.isPending || undefined}>
          {register.isPending ? t('apps.registerForm.submitting') : t('apps.registerForm.submit')}
        </Button>
      </div>
    </form>
  );
}
