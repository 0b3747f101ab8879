'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { getFormErrors } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useFocusInvalid } from '@/components/ui/use-focus-invalid';
import { pickFieldErrors, useFormFields } from '@/components/ui/use-form-fields';
import type { Role } from '@/server/db/generated/client';
import { useCompanyOptions } from './use-company-options';
import { creatableRoles, needsCompanyChoice, USER_FIELDS, validateUser, type UserValues } from './validate-user';

export interface CreatedUser {
  email: string;
  temporaryPassword: string | null;
}

export interface CreateUserFormProps {
  viewerRole: Role;
  /** The company page's company: new users always belong to it. */
  companyId?: string;
  onCreated: (user: CreatedUser) => void;
  onCancel: () => void;
}

export function CreateUserForm({ viewerRole, companyId, onCreated, onCancel }: CreateUserFormProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fixedCompany = !!companyId;
  const roles = creatableRoles(viewerRole, fixedCompany);
  const initial = useMemo<UserValues>(() => ({ email: '', name: '', role: fixedCompany ? 'COMPANY_ADMIN' : 'COMPANY_STAFF', companyId: '' }), [fixedCompany]);
  const { values, errors, setErrors, setField, reset } = useFormFields(initial);
  const [message, setMessage] = useState<string | null>(null);
  const { ref, focusInvalid } = useFocusInvalid();
  const askCompany = needsCompanyChoice(viewerRole, fixedCompany, values.role);
  const companies = useCompanyOptions(viewerRole === 'PLATFORM_ADMIN' && !fixedCompany);

  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (result) => {
        reset();
        onCreated({ email: result.user.email, temporaryPassword: result.temporaryPassword });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.companies.pathKey() }),
        ]);
      },
      onError: (error) => {
        const result = getFormErrors(error, t, { knownFields: USER_FIELDS });
        setErrors(pickFieldErrors(result.fields, USER_FIELDS));
        setMessage(result.message);
        focusInvalid();
      },
    }),
  );

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    setMessage(null);
    const invalid = validateUser(values, askCompany, t);
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) {
      focusInvalid();
      return;
    }
    create.mutate({
      email: values.email.trim(),
      name: values.name.trim(),
      role: values.role,
      ...(companyId ? { companyId } : askCompany ? { companyId: values.companyId } : {}),
    });
  }

  return (
    <form ref={ref} onSubmit={handleSubmit} noValidate className="space-y-4" data-testid="create-user-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label={t('users.fields.email')} name="email" type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} required value={values.email} onChange={(event) => setField('email', event.target.value)} error={errors.email} />
        <Input label={t('users.fields.name')} name="name" autoComplete="off" required maxLength={100} value={values.name} onChange={(event) => setField('name', event.target.value)} error={errors.name} />
        <Select
          label={t('users.fields.role')}
          name="role"
          value={values.role}
          onChange={(event) => setField('role', event.target.value)}
          options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          error={errors.role}
        />
        {askCompany ? (
          <Select
            label={t('users.fields.company')}
            name="companyId"
            required
            value={values.companyId}
            onChange={(event) => setField('companyId', event.target.value)}
            options={[{ value: '', label: t('users.fields.companyPlaceholder') }, ...companies.options]}
            error={errors.companyId}
          />
        ) : null}
      </div>
      <p className="text-sm text-slate-600">{t('users.createForm.passwordNote')}</p>
      <div role="alert">{message ? <Alert tone="error">{message}</Alert> : null}</div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          {t('ui.form.cancel')}
        </Button>
        <Button type="submit" aria-disabled={create.isPending || undefined}>
          {create.isPending ? t('users.createForm.submitting') : t('users.createForm.submit')}
        </Button>
      </div>
    </form>
  );
}
