'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { StatusBadge } from '@/components/ui/badge';
import { CopyableValue } from '@/components/ui/copy-button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { focusRing } from '@/components/ui/focus-ring';
import { Pagination } from '@/components/ui/pagination';
import { Select } from '@/components/ui/select';
import { TableToolbar } from '@/components/ui/table-toolbar';
import { useListQuery } from '@/components/ui/use-list-query';
import type { RouterOutputs } from '../router-outputs';

type App = RouterOutputs['apps']['list']['items'][number];
type SortKey = 'createdAt' | 'name';
type Filters = { status: '' | 'ACTIVE' | 'DISABLED' };

/** The secrets' hints, which only the platform admin's list carries. */
function activeHints(app: App): string[] {
  return 'secrets' in app ? app.secrets.map((secret) => secret.hint) : [];
}

export function AppsTable() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const list = useListQuery<SortKey, Filters>({
    sortKeys: ['createdAt', 'name'],
    filters: { status: '' },
    filterValues: { status: ['', 'ACTIVE', 'DISABLED'] },
    syncUrl: true,
  });
  const query = useQuery({ ...trpc.apps.list.queryOptions(list.input), placeholderData: keepPreviousData });

  const columns: Column<App, SortKey>[] = [
    {
      id: 'name',
      header: t('apps.columns.name'),
      sortKey: 'name',
      cell: (app) => (
        <Link href={`/apps/${app.id}`} className={`rounded font-medium text-brand-800 hover:underline ${focusRing}`}>
          {app.name}
        </Link>
      ),
    },
    { id: 'appId', header: t('apps.columns.appId'), cell: (app) => <CopyableValue value={app.id} label={t('apps.columns.appId')} /> },
    { id: 'status', header: t('apps.columns.status'), cell: (app) => <StatusBadge status={app.status} /> },
    {
      id: 'secrets',
      header: t('apps.columns.secrets'),
      cell: (app) => (
        <span className="font-mono text-xs text-slate-700">
          {activeHints(app)
            .map((hint) => `${hint}…`)
            .join(', ')}
        </span>
      ),
    },
    { id: 'createdAt', header: t('apps.columns.createdAt'), sortKey: 'createdAt', cell: (app) => <DateTime value={app.createdAt} /> },
  ];

  const filtered = !!(list.input.search || list.input.status);
  return (
    <>
      <TableToolbar search={list.state.search} onSearchChange={list.setSearch} searchLabel={t('apps.searchLabel')}>
        <Select
          label={t('apps.statusFilter')}
          className="sm:w-40"
          value={list.state.filters.status}
          onChange={(event) => list.setFilter('status', event.target.value as Filters['status'])}
          options={[
            { value: '', label: t('ui.filters.all') },
            { value: 'ACTIVE', label: t('ui.status.ACTIVE') },
            { value: 'DISABLED', label: t('ui.status.DISABLED') },
          ]}
        />
      </TableToolbar>
      <DataTable
        caption={t('apps.caption')}
        columns={columns}
        rows={query.data?.items}
        rowKey={(app) => app.id}
        rowTestId={(app) => app.name}
        loading={query.isFetching}
        error={query.error}
        onRetry={() => void query.refetch()}
        sortBy={list.state.sortBy}
        sortDir={list.state.sortDir}
        onSort={list.toggleSort}
        emptyTitle={filtered ? undefined : t('apps.emptyTitle')}
        emptyDescription={filtered ? undefined : t('apps.emptyDescription')}
      />
      {query.data ? <Pagination page={query.data.page} pageSize={query.data.pageSize} total={query.data.total} onPageChange={list.setPage} /> : null}
    </>
  );
}
