'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { getFormErrors } from '@/components/ui/form-errors';
import { useFocusInvalid } from '@/components/ui/use-focus-invalid';
import { pickFieldErrors, useFormFields } from '@/components/ui/use-form-fields';
import { CompanyFields } from './company-fields';
import { COMPANY_FIELDS, companyInput, emptyCompany, validateCompany } from './validate-company';

export function CreateCompanyForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { values, errors, setErrors, setField, reset } = useFormFields(emptyCompany);
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const { ref, focusInvalid } = useFocusInvalid();

  const create = useMutation(
    trpc.companies.create.mutationOptions({
      onSuccess: async (company) => {
        setCreated({ id: company.id, name: company.name });
        reset();
        await queryClient.invalidateQueries({ queryKey: trpc.companies.pathKey() });
      },
      onError: (error) => {
        const result = getFormErrors(error, t, { knownFields: COMPANY_FIELDS });
        setErrors(pickFieldErrors(result.fields, COMPANY_FIELDS));
        setMessage(result.message);
        focusInvalid();
      },
    }),
  );

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    setMessage(null);
    setCreated(null);
    const invalid = validateCompany(values, t);
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) {
      focusInvalid();
      return;
    }
    create.mutate(companyInput(values));
  }

  return (
    <form ref={ref} onSubmit={handleSubmit} noValidate className="space-y-4" data-testid="create-company-form">
      <CompanyFields values={values} errors={errors} onChange={setField} />
      <div role="alert">{message ? <Alert tone="error">{message}</Alert> : null}</div>
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
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          {t('ui.form.cancel')}
        </Button>
        <Button type="submit" aria-disabled={create.isPending || undefined}>
          {create.isPending ? t('companies.createForm.submitting') : t('companies.createForm.submit')}
        </Button>
      </div>
    </form>
  );
}
