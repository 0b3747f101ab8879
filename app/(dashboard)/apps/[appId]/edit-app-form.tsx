'use client';

import { useTRPC } from '@/components/trpc/react';
import { FormErrorAlert, SaveFormActions } from '@/components/ui/form-actions';
import { useEditForm } from '@/components/ui/use-edit-form';
import { AppFields } from '../app-fields';
import { APP_FIELDS, appInput, appValues, validateApp } from '../validate-app';

export interface EditAppFormProps {
  app: { id: string; name: string; description: string | null; defaultNotifyUrl: string | null; ipAllowlist: string[]; returnOrigins: string[] };
}

export function EditAppForm({ app }: EditAppFormProps) {
  const trpc = useTRPC();
  const { ref, values, errors, setField, message, pending, handleSubmit, saved } = useEditForm({
    initial: appValues(app),
    fields: APP_FIELDS,
    validate: validateApp,
    mutation: trpc.apps.update.mutationOptions(),
    toInput: (edited) => ({ appId: app.id, ...appInput(edited) }),
    invalidates: [trpc.apps.pathKey()],
  });

  return (
    <form ref={ref} onSubmit={handleSubmit} noValidate className="space-y-4" data-testid="edit-app-form">
      <AppFields values={values} errors={errors} onChange={setField} />
      <FormErrorAlert message={message} />
      <SaveFormActions pending={pending} saved={saved} />
    </form>
  );
}
