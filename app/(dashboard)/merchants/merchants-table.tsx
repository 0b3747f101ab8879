'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { CopyableValue } from '@/components/ui/copy-button';
import { cx } from '@/components/ui/cx';
import { DataTable, type Column } from '@/components/ui/data-table';
import { focusRing } from '@/components/ui/focus-ring';
import { Pagination } from '@/components/ui/pagination';
import { Select } from '@/components/ui/select';
import { TableToolbar } from '@/components/ui/table-toolbar';
import { useListQuery } from '@/components/ui/use-list-query';
import { formatDateTime } from './format-date';
import type { MerchantListItem } from './merchant-types';

type SortKey = 'createdAt' | 'name';
type StatusFilter = '' | 'ACTIVE' | 'DISABLED';

/** The merchants in the reader's scope, searchable by name or merchant ID. */
export function MerchantsTable({ showCompany }: { showCompany: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const list = useListQuery<SortKey, { status: StatusFilter }>({
    sortKeys: ['createdAt', 'name'],
    filters: { status: '' },
    filterValues: { status: ['', 'ACTIVE', 'DISABLED'] },
    syncUrl: true,
  });
  const query = useQuery(trpc.merchants.list.queryOptions(list.input, { placeholderData: keepPreviousData }));

  const columns: Column<MerchantListItem, SortKey>[] = [
    {
      id: 'name',
      header: t('merchants.columns.name'),
      sortKey: 'name',
      cell: (merchant) => (
        <Link href={`/merchants/${merchant.id}`} className={cx('rounded font-medium text-brand-800 hover:underline', focusRing)}>
          {merchant.name}
        </Link>
      ),
    },
    {
      id: 'merchantId',
      header: t('merchants.columns.merchantId'),
      cell: (merchant) => <CopyableValue value={merchant.id} label={`${merchant.name} ${t('merchants.columns.merchantId')}`} />,
    },
    ...(showCompany ? [{ id: 'company', header: t('merchants.columns.company'), cell: (merchant: MerchantListItem) => merchant.company.name }] : []),
    { id: 'status', header: t('merchants.columns.status'), cell: (merchant) => <StatusBadge status={merchant.status} /> },
    {
      id: 'channels',
      header: t('merchants.columns.channels'),
      className: 'text-right',
      cell: (merchant) => t('merchants.channelCount', { count: merchant._count.channels }),
    },
    { id: 'createdAt', header: t('merchants.columns.createdAt'), sortKey: 'createdAt', cell: (merchant) => formatDateTime(merchant.createdAt, locale) },
  ];

  return (
    // relative: clips the table's visually hidden caption, which would otherwise widen the page on phones.
    <Card className="relative overflow-hidden">
      <TableToolbar
        search={list.state.search}
        onSearchChange={list.setSearch}
        searchLabel={t('merchants.filters.searchLabel')}
        searchPlaceholder={t('merchants.filters.searchPlaceholder')}
      >
        <Select
          className="sm:w-40"
          label={t('merchants.filters.statusLabel')}
          value={list.state.filters.status}
          onChange={(event) => list.setFilter('status', event.target.value === 'ACTIVE' || event.target.value === 'DISABLED' ? event.target.value : '')}
          options={[
            { value: '', label: t('ui.filters.all') },
            { value: 'ACTIVE', label: t('merchants.status.ACTIVE') },
            { value: 'DISABLED', label: t('merchants.status.DISABLED') },
          ]}
        />
      </TableToolbar>
      <DataTable
        caption={t('merchants.title')}
        columns={columns}
        rows={query.data?.items}
        rowKey={(merchant) => merchant.id}
        rowTestId={(merchant) => merchant.id}
        loading={query.isFetching}
        error={query.error}
        onRetry={() => query.refetch()}
        sortBy={list.state.sortBy}
        sortDir={list.state.sortDir}
        onSort={list.toggleSort}
        emptyTitle={list.filtered ? t('merchants.empty.filteredTitle') : t('merchants.empty.title')}
        emptyDescription={list.filtered ? t('merchants.empty.filteredDescription') : t('merchants.empty.description')}
      />
      {query.data ? <Pagination page={list.state.page} pageSize={list.state.pageSize} total={query.data.total} onPageChange={list.setPage} /> : null}
    </Card>
  );
}
