'use client';

import { useI18n } from '@/components/i18n/client';
import { Card } from '@/components/ui/card';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import type { RouterOutputs } from '../../router-outputs';

type Grant = RouterOutputs['apps']['get']['grants'][number];

/** The merchants granted to the app; companies manage grants on their merchants' pages. */
export function AppGrants({ grants }: { grants: Grant[] }) {
  const { t } = useI18n();
  const columns: Column<Grant>[] = [
    { id: 'merchant', header: t('apps.grants.columns.merchant'), cell: (grant) => <span className="font-medium text-slate-900">{grant.merchant.name}</span> },
    { id: 'company', header: t('apps.grants.columns.company'), cell: (grant) => grant.merchant.company.name },
    { id: 'grantedAt', header: t('apps.grants.columns.grantedAt'), cell: (grant) => <DateTime value={grant.createdAt} /> },
  ];
  return (
    <section aria-labelledby="app-grants-title">
      <h2 id="app-grants-title" className="text-lg font-semibold text-slate-900">
        {t('apps.grants.title')}
      </h2>
      <p className="mb-4 max-w-prose text-sm text-slate-600">{t('apps.grants.description')}</p>
      <Card className="overflow-hidden">
        <DataTable
          caption={t('apps.grants.caption')}
          columns={columns}
          rows={grants}
          rowKey={(grant) => grant.id}
          emptyTitle={t('apps.grants.emptyTitle')}
          emptyDescription={t('apps.grants.emptyDescription')}
        />
      </Card>
    </section>
  );
}
