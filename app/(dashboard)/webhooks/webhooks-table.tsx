'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { cx } from '@/components/ui/cx';
import type { Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { focusRing } from '@/components/ui/focus-ring';
import { ListTable } from '@/components/ui/list-table';
import { Select } from '@/components/ui/select';
import { useListQuery } from '@/components/ui/use-list-query';
import { usePaymentFilterOptions } from '../payments/use-filter-options';
import { WebhookStatusBadge } from './webhook-status-badge';
import { EVENT_TYPES, WEBHOOK_STATUSES, type WebhookListItem, type WebhookStatus } from './webhook-types';

type Filters = { appId: string; status: '' | WebhookStatus; type: string };

/** Webhook deliveries in the reader's scope, newest first; the search box takes an event id or a serial number whole. */
export function WebhooksTable() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const list = useListQuery<'createdAt', Filters>({
    sortKeys: ['createdAt'],
    filters: { appId: '', status: '', type: '' },
    filterValues: { status: ['', ...WEBHOOK_STATUSES], type: ['', ...EVENT_TYPES] },
    syncUrl: true,
  });
  const options = usePaymentFilterOptions('');
  const query = useQuery({ ...trpc.webhooks.list.queryOptions(list.input), placeholderData: keepPreviousData });
  const all = { value: '', label: t('ui.filters.all') };

  const columns: Column<WebhookListItem, 'createdAt'>[] = [
    {
      id: 'event',
      header: t('webhooks.columns.event'),
      cell: (row) => (
        <div className="max-w-64">
          <Link href={`/webhooks/${row.eventId}`} className={cx('rounded font-mono text-xs font-medium text-brand-800 hover:underline', focusRing)}>
            {row.type}
          </Link>
          <p className="font-mono text-xs break-all text-slate-600">{row.refundSerialNo ?? row.serialNo}</p>
        </div>
      ),
    },
    { id: 'status', header: t('webhooks.columns.status'), cell: (row) => <WebhookStatusBadge status={row.status} /> },
    {
      id: 'attempts',
      header: t('webhooks.columns.attempts'),
      className: 'text-right',
      cell: (row) => (
        <span className="tabular-nums">
          {row.attemptCount}
          {row.lastStatusCode ? <span className="ml-1 text-xs text-slate-600">({row.lastStatusCode})</span> : null}
        </span>
      ),
    },
    { id: 'app', header: t('webhooks.columns.app'), cell: (row) => row.app.name },
    { id: 'next', header: t('webhooks.columns.next'), cell: (row) => (row.nextAttemptAt ? <DateTime value={row.nextAttemptAt} className="whitespace-nowrap" /> : '—') },
    { id: 'createdAt', header: t('webhooks.columns.createdAt'), sortKey: 'createdAt', cell: (row) => <DateTime value={row.createdAt} className="whitespace-nowrap" /> },
  ];

  return (
    <ListTable
      list={list}
      query={query}
      searchLabel={t('webhooks.searchLabel')}
      searchPlaceholder={t('webhooks.searchPlaceholder')}
      filters={
        <div className="grid grid-cols-2 gap-3 sm:flex">
          <Select label={t('webhooks.filters.app')} className="sm:w-40" value={list.state.filters.appId} onChange={(event) => list.setFilter('appId', event.target.value)} options={[all, ...options.apps]} />
          <Select
            label={t('webhooks.filters.status')}
            className="sm:w-32"
            value={list.state.filters.status}
            onChange={(event) => list.setFilter('status', event.target.value as Filters['status'])}
            options={[all, ...WEBHOOK_STATUSES.map((status) => ({ value: status, label: t(`webhooks.status.${status}`) }))]}
          />
          <Select
            label={t('webhooks.filters.type')}
            className="sm:w-44"
            value={list.state.filters.type}
            onChange={(event) => list.setFilter('type', event.target.value)}
            options={[all, ...EVENT_TYPES.map((type) => ({ value: type, label: type }))]}
          />
        </div>
      }
      caption={t('webhooks.caption')}
      columns={columns}
      rowKey={(row) => row.eventId}
      rowTestId={(row) => row.eventId}
      emptyTitle={list.filtered ? t('webhooks.empty.filteredTitle') : t('webhooks.empty.title')}
      emptyDescription={list.filtered ? t('webhooks.empty.filteredDescription') : t('webhooks.empty.description')}
    />
  );
}
