'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CreateFormActions } from '@/components/ui/form-actions';
import { getFormErrors } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { Modal } from '@/components/ui/modal';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';

/** The most companies one page of the picker holds; beyond that the picker would need a search box. */
const COMPANY_PAGE_SIZE = 100;

/** The active property companies, for a platform admin choosing whose merchant to open. */
function CompanySelect({ error }: { error?: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const companies = useQuery(trpc.companies.list.queryOptions({ status: 'ACTIVE', sortBy: 'name', sortDir: 'asc', pageSize: COMPANY_PAGE_SIZE }));
  const options = (companies.data?.items ?? []).map((company) => ({ value: company.id, label: company.name }));
  return (
    <Select
      name="companyId"
      label={t('merchants.create.company')}
      required
      defaultValue=""
      options={[{ value: '', label: companies.isPending ? t('merchants.create.companiesLoading') : t('merchants.create.companyPlaceholder') }, ...options]}
      error={error ?? (companies.isError ? getFormErrors(companies.error, t).message : null)}
    />
  );
}

/** "开设商户": name, description and, for platform admins, the company; then on to the new merchant. */
export function CreateMerchantDialog({ chooseCompany }: { chooseCompany: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const create = useMutation(
    trpc.merchants.create.mutationOptions({
      onSuccess: async (merchant) => {
        await queryClient.invalidateQueries({ queryKey: trpc.merchants.list.queryKey() });
        router.push(`/merchants/${merchant.id}`);
      },
    }),
  );
  const errors = getFormErrors(create.error, t, { knownFields: ['name', 'description', 'companyId'] });
  const busy = create.isPending || create.isSuccess;

  function close() {
    if (busy) return;
    setOpen(false);
    create.reset();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const companyId = String(form.get('companyId') ?? '');
    create.mutate({
      name: String(form.get('name') ?? ''),
      description: String(form.get('description') ?? ''),
      ...(chooseCompany && companyId ? { companyId } : {}),
    });
  }

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="open-create-merchant">
        {t('merchants.create.open')}
      </Button>
      <Modal open={open} onClose={close} title={t('merchants.create.title')} description={t('merchants.create.description')} testId="create-merchant-dialog">
        <form noValidate onSubmit={handleSubmit} className="mt-4 space-y-4">
          {errors.message && Object.keys(errors.fields).length === 0 ? (
            <Alert tone="error" role="alert">
              {errors.message}
            </Alert>
          ) : null}
          {chooseCompany ? <CompanySelect error={errors.fields.companyId} /> : null}
          <Input
            name="name"
            label={t('merchants.create.name')}
            placeholder={t('merchants.create.namePlaceholder')}
            required
            maxLength={100}
            autoComplete="off"
            error={errors.fields.name}
          />
          <Textarea name="description" label={t('merchants.create.descriptionLabel')} rows={3} maxLength={500} error={errors.fields.description} />
          <CreateFormActions pending={busy} submitLabel={t('merchants.create.submit')} pendingLabel={t('merchants.create.submitting')} onCancel={close} />
        </form>
      </Modal>
    </>
  );
}
