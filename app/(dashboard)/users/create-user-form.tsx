'use client';

import { useMemo } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { CreateFormActions, FormErrorAlert } from '@/components/ui/form-actions';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useMutationForm } from '@/components/ui/use-mutation-form';
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
  const fixedCompany = !!companyId;
  const roles = creatableRoles(viewerRole, fixedCompany);
  const initial = useMemo<UserValues>(() => ({ email: '', name: '', role: fixedCompany ? 'COMPANY_ADMIN' : 'COMPANY_STAFF', companyId: '' }), [fixedCompany]);
  const asksCompany = (role: Role) => needsCompanyChoice(viewerRole, fixedCompany, role);
  const { ref, values, errors, setField, message, pending, handleSubmit } = useMutationForm({
    initial,
    fields: USER_FIELDS,
    validate: (input, translate) => validateUser(input, asksCompany(input.role), translate),
    mutation: trpc.users.create.mutationOptions(),
    toInput: (input) => ({
      email: input.email.trim(),
      name: input.name.trim(),
      role: input.role,
      ...(companyId ? { companyId } : asksCompany(input.role) ? { companyId: input.companyId } : {}),
    }),
    resetOnSuccess: true,
    onSuccess: (result) => onCreated({ email: result.user.email, temporaryPassword: result.temporaryPassword }),
    invalidates: [trpc.users.pathKey(), trpc.companies.pathKey()],
  });
  const askCompany = asksCompany(values.role);
  const companies = useCompanyOptions(viewerRole === 'PLATFORM_ADMIN' && !fixedCompany);

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
      <FormErrorAlert message={message} />
      <CreateFormActions pending={pending} submitLabel={t('users.createForm.submit')} pendingLabel={t('users.createForm.submitting')} onCancel={onCancel} />
    </form>
  );
}
