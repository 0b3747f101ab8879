'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { StatusFilter } from '@/components/dashboard/status-filter';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { StatusBadge } from '@/components/ui/badge';
import { CopyableValue } from '@/components/ui/copy-button';
import { type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { focusRing } from '@/components/ui/focus-ring';
import { ListTable } from '@/components/ui/list-table';
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

  return (
    <ListTable
      list={list}
      query={query}
      searchLabel={t('apps.searchLabel')}
      filters={<StatusFilter label={t('apps.statusFilter')} value={list.state.filters.status} statuses={['ACTIVE', 'DISABLED']} onChange={(status) => list.setFilter('status', status)} />}
      caption={t('apps.caption')}
      columns={columns}
      rowKey={(app) => app.id}
      rowTestId={(app) => app.name}
      emptyTitle={list.filtered ? undefined : t('apps.emptyTitle')}
      emptyDescription={list.filtered ? undefined : t('apps.emptyDescription')}
    />
  );
}
