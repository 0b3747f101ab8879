'use client';

import { useTRPC } from '@/components/trpc/react';
import { FormErrorAlert, SaveFormActions } from '@/components/ui/form-actions';
import { useEditForm } from '@/components/ui/use-edit-form';
import { CompanyFields } from '../company-fields';
import { COMPANY_FIELDS, companyInput, validateCompany } from '../validate-company';

export interface EditCompanyFormProps {
  company: { id: string; name: string; contactName: string | null; contactPhone: string | null };
}

export function EditCompanyForm({ company }: EditCompanyFormProps) {
  const trpc = useTRPC();
  const { ref, values, errors, setField, message, pending, handleSubmit, saved } = useEditForm({
    initial: ({ name: company.name, contactName: company.contactName ?? '', contactPhone: company.contactPhone ?? '' }),
    fields: COMPANY_FIELDS,
    validate: validateCompany,
    mutation: trpc.companies.update.mutationOptions(),
    toInput: (edited) => ({ companyId: company.id, ...companyInput(edited) }),
    invalidates: [trpc.companies.pathKey()],
  });

  return (
    <form ref={ref} onSubmit={handleSubmit} noValidate className="space-y-4" data-testid="edit-company-form">
      <CompanyFields values={values} errors={errors} onChange={setField} />
      <FormErrorAlert message={message} />
      <SaveFormActions pending={pending} saved={saved} />
    </form>
  );
}
