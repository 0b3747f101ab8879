'use client';

import { useId, useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { CompaniesTable } from './companies-table';
import { CreateCompanyForm } from './create-company-form';

export function CompaniesView() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const panelId = useId();

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t('companies.title')}
        description={t('companies.description')}
        actions={
          <Button aria-expanded={creating} aria-controls={panelId} onClick={() => setCreating((open) => !open)}>
            {t('companies.create')}
          </Button>
        }
      />
      <section id={panelId} hidden={!creating} aria-labelledby={`${panelId}-title`}>
        <Card className="mb-6 p-4 sm:p-6">
          <h2 id={`${panelId}-title`} className="mb-4 text-base font-semibold text-slate-900">
            {t('companies.create')}
          </h2>
          {creating ? <CreateCompanyForm onCancel={() => setCreating(false)} /> : null}
        </Card>
      </section>
      <Card className="overflow-hidden">
        <CompaniesTable />
      </Card>
    </div>
  );
}
