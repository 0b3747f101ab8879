'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { StatusFilter } from '@/components/dashboard/status-filter';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { StatusBadge } from '@/components/ui/badge';
import { type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { focusRing } from '@/components/ui/focus-ring';
import { ListTable } from '@/components/ui/list-table';
import { useListQuery } from '@/components/ui/use-list-query';
import type { RouterOutputs } from '../router-outputs';

type Company = RouterOutputs['companies']['list']['items'][number];
type SortKey = 'createdAt' | 'name';
type Filters = { status: '' | 'ACTIVE' | 'SUSPENDED' };

export function CompaniesTable() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const list = useListQuery<SortKey, Filters>({
    sortKeys: ['createdAt', 'name'],
    filters: { status: '' },
    filterValues: { status: ['', 'ACTIVE', 'SUSPENDED'] },
    syncUrl: true,
  });
  const query = useQuery({ ...trpc.companies.list.queryOptions(list.input), placeholderData: keepPreviousData });

  const columns: Column<Company, SortKey>[] = [
    {
      id: 'name',
      header: t('companies.columns.name'),
      sortKey: 'name',
      cell: (company) => (
        <Link href={`/companies/${company.id}`} className={`rounded font-medium text-brand-800 hover:underline ${focusRing}`}>
          {company.name}
        </Link>
      ),
    },
    { id: 'status', header: t('companies.columns.status'), cell: (company) => <StatusBadge status={company.status} /> },
    { id: 'merchants', header: t('companies.columns.merchants'), className: 'text-right tabular-nums', cell: (company) => company._count.merchants },
    { id: 'users', header: t('companies.columns.users'), className: 'text-right tabular-nums', cell: (company) => company._count.users },
    { id: 'createdAt', header: t('companies.columns.createdAt'), sortKey: 'createdAt', cell: (company) => <DateTime value={company.createdAt} /> },
  ];

  return (
    <ListTable
      list={list}
      query={query}
      searchLabel={t('companies.searchLabel')}
      filters={<StatusFilter label={t('companies.statusFilter')} value={list.state.filters.status} statuses={['ACTIVE', 'SUSPENDED']} onChange={(status) => list.setFilter('status', status)} />}
      caption={t('companies.caption')}
      columns={columns}
      rowKey={(company) => company.id}
      rowTestId={(company) => company.name}
      emptyTitle={list.filtered ? undefined : t('companies.emptyTitle')}
      emptyDescription={list.filtered ? undefined : t('companies.emptyDescription')}
    />
  );
}
