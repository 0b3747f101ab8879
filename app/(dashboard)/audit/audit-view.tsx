'use client';

import { useI18n } from '@/components/i18n/client';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { AuditTable } from './audit-table';

export function AuditView({ companyWide }: { companyWide: boolean }) {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t('audit.title')} description={companyWide ? t('audit.descriptionCompany') : t('audit.descriptionPlatform')} />
      <Card className="overflow-hidden">
        <AuditTable />
      </Card>
    </div>
  );
}
