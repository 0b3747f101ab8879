'use client';

import { useQuery } from '@tanstack/react-query';
import { DetailHeader, DetailUnavailable, EditSection } from '@/components/dashboard/detail-page';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { CopyableValue } from '@/components/ui/copy-button';
import type { Role } from '@/server/db/generated/client';
import { UsersPanel } from '../../users/users-panel';
import { CompanyStatusAction } from './company-status-action';
import { EditCompanyForm } from './edit-company-form';

export interface CompanyDetailProps {
  companyId: string;
  viewer: { id: string; role: Role };
}

export function CompanyDetail({ companyId, viewer }: CompanyDetailProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.companies.get.queryOptions({ companyId }));
  const company = query.data;
  const back = { href: '/companies', label: t('companies.detail.back') };

  if (!company) return <DetailUnavailable title={t('companies.detail.metaTitle')} back={back} error={query.error} />;

  return (
    <div className="mx-auto max-w-6xl">
      <DetailHeader
        back={back}
        name={company.name}
        status={company.status}
        description={
          <div className="space-y-1">
            <p className="flex flex-wrap items-center gap-2">
              <span>{t('companies.detail.id')}</span>
              <CopyableValue value={company.id} label={t('companies.detail.id')} />
            </p>
            <p>{t('companies.detail.stats', { merchants: company._count.merchants, users: company._count.users })}</p>
          </div>
        }
        actions={<CompanyStatusAction company={company} />}
      />
      {company.status === 'SUSPENDED' ? (
        <Alert tone="warning" className="mb-6">
          {t('companies.detail.suspendedNotice')}
        </Alert>
      ) : null}
      <EditSection title={t('companies.detail.editTitle')}>
        <EditCompanyForm company={company} />
      </EditSection>
      <UsersPanel
        viewer={viewer}
        companyId={company.id}
        createLabel={t('companies.detail.addUser')}
        renderHeader={(createButton) => (
          <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
            <div>
              <h2 className="text-lg font-semibold text-slate-900">{t('companies.detail.usersTitle')}</h2>
              <p className="text-sm text-slate-600">{t('companies.detail.usersDescription')}</p>
            </div>
            <div className="flex flex-col sm:flex-row">{createButton}</div>
          </div>
        )}
      />
    </div>
  );
}
