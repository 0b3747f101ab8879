'use client';

import { StatusToggleAction } from '@/components/dashboard/status-toggle-action';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';

export interface CompanyStatusActionProps {
  company: { id: string; name: string; status: 'ACTIVE' | 'SUSPENDED' };
}

/** Suspend or reactivate, behind a confirmation that says what suspension does and does not do. */
export function CompanyStatusAction({ company }: CompanyStatusActionProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const suspending = company.status === 'ACTIVE';

  return (
    <StatusToggleAction
      name={company.name}
      turningOff={suspending}
      label={suspending ? t('companies.detail.suspend') : t('companies.detail.reactivate')}
      title={t(suspending ? 'companies.detail.suspendTitle' : 'companies.detail.reactivateTitle', { name: company.name })}
      description={suspending ? t('companies.detail.suspendDescription') : t('companies.detail.reactivateDescription')}
      mutation={trpc.companies.setStatus.mutationOptions()}
      variables={{ companyId: company.id, status: suspending ? 'SUSPENDED' : 'ACTIVE' }}
      notice={(updated) => (updated.status === 'SUSPENDED' ? t('companies.detail.suspended') : t('companies.detail.reactivated'))}
      invalidates={[trpc.companies.pathKey()]}
    />
  );
}
