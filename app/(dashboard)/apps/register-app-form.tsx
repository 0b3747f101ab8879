'use client';

import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { CreateFormActions, FormErrorAlert } from '@/components/ui/form-actions';
import { useMutationForm } from '@/components/ui/use-mutation-form';
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
  const { ref, values, errors, setField, message, pending, handleSubmit } = useMutationForm({
    initial: emptyApp,
    fields: APP_FIELDS,
    validate: validateApp,
    mutation: trpc.apps.register.mutationOptions(),
    toInput: appInput,
    resetOnSuccess: true,
    onSuccess: ({ app, secret }) => onRegistered({ id: app.id, name: app.name, secret }),
    invalidates: [trpc.apps.pathKey()],
  });

  return (
    <form ref={ref} onSubmit={handleSubmit} noValidate className="space-y-4" data-testid="register-app-form">
      <AppFields values={values} errors={errors} onChange={setField} />
      <FormErrorAlert message={message} />
      <CreateFormActions pending={pending} submitLabel={t('apps.registerForm.submit')} pendingLabel={t('apps.registerForm.submitting')} onCancel={onCancel} />
    </form>
  );
}
