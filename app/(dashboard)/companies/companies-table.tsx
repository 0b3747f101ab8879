'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { StatusBadge } from '@/components/ui/badge';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { focusRing } from '@/components/ui/focus-ring';
import { Pagination } from '@/components/ui/pagination';
import { Select } from '@/components/ui/select';
import { TableToolbar } from '@/components/ui/table-toolbar';
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
    <>
      <TableToolbar search={list.state.search} onSearchChange={list.setSearch} searchLabel={t('companies.searchLabel')}>
        <Select
          label={t('companies.statusFilter')}
          className="sm:w-40"
          value={list.state.filters.status}
          onChange={(event) => list.setFilter('status', event.target.value as Filters['status'])}
          options={[
            { value: '', label: t('ui.filters.all') },
            { value: 'ACTIVE', label: t('ui.status.ACTIVE') },
            { value: 'SUSPENDED', label: t('ui.status.SUSPENDED') },
          ]}
        />
      </TableToolbar>
      <DataTable
        caption={t('companies.caption')}
        columns={columns}
        rows={query.data?.items}
        rowKey={(company) => company.id}
        rowTestId={(company) => company.name}
        loading={query.isFetching}
        error={query.error}
        onRetry={() => void query.refetch()}
        sortBy={list.state.sortBy}
        sortDir={list.state.sortDir}
        onSort={list.toggleSort}
        emptyTitle={list.input.search || list.input.status ? undefined : t('companies.emptyTitle')}
        emptyDescription={list.input.search || list.input.status ? undefined : t('companies.emptyDescription')}
      />
      {query.data ? <Pagination page={query.data.page} pageSize={query.data.pageSize} total={query.data.total} onPageChange={list.setPage} /> : null}
    </>
  );
}
