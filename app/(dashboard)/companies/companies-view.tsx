'use client';

import { CreatableListPage } from '@/components/dashboard/creatable-list-page';
import { useI18n } from '@/components/i18n/client';
import { CompaniesTable } from './companies-table';
import { CreateCompanyForm } from './create-company-form';

export function CompaniesView() {
  const { t } = useI18n();
  return (
    <CreatableListPage
      title={t('companies.title')}
      description={t('companies.description')}
      createLabel={t('companies.create')}
      createForm={(close) => <CreateCompanyForm onCancel={close} />}
    >
      <CompaniesTable />
    </CreatableListPage>
  );
}
