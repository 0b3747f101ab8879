'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { CreateFormActions, FormErrorAlert } from '@/components/ui/form-actions';
import { useMutationForm } from '@/components/ui/use-mutation-form';
import { CompanyFields } from './company-fields';
import { COMPANY_FIELDS, companyInput, emptyCompany, validateCompany } from './validate-company';

export function CreateCompanyForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const { ref, values, errors, setField, message, pending, handleSubmit } = useMutationForm({
    initial: emptyCompany,
    fields: COMPANY_FIELDS,
    validate: validateCompany,
    mutation: trpc.companies.create.mutationOptions(),
    toInput: companyInput,
    onSubmitStart: () => setCreated(null),
    resetOnSuccess: true,
    onSuccess: (company) => setCreated({ id: company.id, name: company.name }),
    invalidates: [trpc.companies.pathKey()],
  });

  return (
    <form ref={ref} onSubmit={handleSubmit} noValidate className="space-y-4" data-testid="create-company-form">
      <CompanyFields values={values} errors={errors} onChange={setField} />
      <FormErrorAlert message={message} />
      <div role="status">
        {created ? (
          <Alert tone="info">
            {t('companies.createForm.created', { name: created.name })}{' '}
            <Link href={`/companies/${created.id}`} className="font-medium underline underline-offset-2">
              {t('companies.createForm.open')}
            </Link>
          </Alert>
        ) : null}
      </div>
      <CreateFormActions pending={pending} submitLabel={t('companies.createForm.submit')} pendingLabel={t('companies.createForm.submitting')} onCancel={onCancel} />
    </form>
  );
}
