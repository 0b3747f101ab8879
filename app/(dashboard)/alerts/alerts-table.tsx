'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DateRangeFilter } from '@/components/ui/date-range-filter';
import { DateTime } from '@/components/ui/date-time';
import { focusRing } from '@/components/ui/focus-ring';
import { Select } from '@/components/ui/select';
import { TableToolbar } from '@/components/ui/table-toolbar';
import { useListQuery } from '@/components/ui/use-list-query';
import { dayBoundary } from '../audit/audit-summary';
import { useCompanyOptions } from '../users/use-company-options';
import { AlertSeverityBadge, AlertStatusBadge } from './alert-badges';
import { ALERT_KINDS, ALERT_SEVERITIES, ALERT_STATUSES, STATUS_FILTERS, statusesOf, type AlertKind, type AlertListItem, type AlertSeverity, type StatusFilter } from './alert-types';
import { SubjectLink } from './subject-link';

type Filters = { status: StatusFilter; kind: '' | AlertKind; severity: '' | AlertSeverity; companyId: string; from: string; to: string };

/** Alerts in the reader's scope, last seen first, a page at a time; filters live in the URL. */
export function AlertsTable({ showCompany }: { showCompany: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  // Only the search and the filters of the list state are used: the server pages by cursor.
  const list = useListQuery<'lastSeenAt', Filters>({
    sortKeys: ['lastSeenAt'],
    filters: { status: '', kind: '', severity: '', companyId: '', from: '', to: '' },
    filterValues: { status: [...STATUS_FILTERS], kind: ['', ...ALERT_KINDS], severity: ['', ...ALERT_SEVERITIES] },
    syncUrl: true,
  });
  const companies = useCompanyOptions(showCompany);
  const { status, kind, severity, companyId, from, to } = list.state.filters;
  const fromDate = from ? dayBoundary(from, 'start') : undefined;
  const toDate = to ? dayBoundary(to, 'end') : undefined;
  const badRange = !!fromDate && !!toDate && toDate < fromDate;
  const statuses = statusesOf(status);
  const query = useInfiniteQuery({
    ...trpc.alerts.list.infiniteQueryOptions(
      {
        ...(statuses ? { statuses } : {}),
        ...(kind ? { kind } : {}),
        ...(severity ? { severity } : {}),
        ...(showCompany && companyId ? { companyId } : {}),
        ...(fromDate ? { from: fromDate } : {}),
        ...(toDate && !badRange ? { to: toDate } : {}),
        ...(list.input.search ? { search: list.input.search } : {}),
      },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.pages.flatMap((page) => page.items);
  const all = { value: '', label: t('ui.filters.all') };

  const columns: Column<AlertListItem>[] = [
    {
      id: 'alert',
      header: t('alerts.columns.alert'),
      cell: (alert) => (
        <div className="max-w-60 min-w-40">
          <Link href={`/alerts/${alert.id}`} className={cx('rounded font-medium text-brand-800 hover:underline', focusRing)}>
            {t(`payments.alertKinds.${alert.kind}`)}
          </Link>
          <p className="line-clamp-2 text-xs break-words text-slate-600">{alert.message}</p>
          {/* Phones see the badges here: their own columns would be scrolled out of view. */}
          <div className="mt-1.5 flex flex-wrap gap-1.5 sm:hidden">
            <AlertSeverityBadge severity={alert.severity} />
            <AlertStatusBadge status={alert.status} />
          </div>
        </div>
      ),
    },
    {
      id: 'state',
      header: `${t('alerts.columns.severity')} / ${t('alerts.columns.status')}`,
      className: 'hidden sm:table-cell',
      cell: (alert) => (
        <div className="flex flex-col items-start gap-1.5">
          <AlertSeverityBadge severity={alert.severity} />
          <AlertStatusBadge status={alert.status} />
        </div>
      ),
    },
    ...(showCompany ? [{ id: 'company', header: t('alerts.columns.company'), cell: (alert: AlertListItem) => <div className="max-w-36 min-w-24">{alert.company?.name ?? t('alerts.platformWide')}</div> }] : []),
    { id: 'subject', header: t('alerts.columns.subject'), cell: (alert) => <div className="max-w-40 min-w-32"><SubjectLink alert={alert} /></div> },
    { id: 'occurrences', header: t('alerts.columns.occurrences'), className: 'text-right', cell: (alert) => <span className="tabular-nums">{alert.occurrences}</span> },
    {
      id: 'seen',
      header: t('alerts.columns.lastSeen'),
      cell: (alert) => (
        <div className="whitespace-nowrap">
          <DateTime value={alert.lastSeenAt} />
          <p className="text-xs text-slate-600">
            {t('alerts.columns.firstSeen')} <DateTime value={alert.createdAt} />
          </p>
        </div>
      ),
    },
  ];

  return (
    <>
      <TableToolbar search={list.state.search} onSearchChange={list.setSearch} searchLabel={t('alerts.searchLabel')} searchPlaceholder={t('alerts.searchPlaceholder')}>
        <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap">
          <Select
            label={t('alerts.filters.status')}
            className="sm:w-32"
            value={status}
            onChange={(event) => list.setFilter('status', event.target.value as StatusFilter)}
            options={[
              { value: '', label: t('alerts.filters.unresolved') },
              ...ALERT_STATUSES.map((value) => ({ value, label: t(`alerts.status.${value}`) })),
              { value: 'ALL', label: t('alerts.filters.all') },
            ]}
          />
          <Select
            label={t('alerts.filters.severity')}
            className="sm:w-28"
            value={severity}
            onChange={(event) => list.setFilter('severity', event.target.value as Filters['severity'])}
            options={[all, ...ALERT_SEVERITIES.map((value) => ({ value, label: t(`alerts.severity.${value}`) }))]}
          />
          <Select
            label={t('alerts.filters.kind')}
            className="col-span-2 sm:w-48"
            value={kind}
            onChange={(event) => list.setFilter('kind', event.target.value as Filters['kind'])}
            options={[all, ...ALERT_KINDS.map((value) => ({ value, label: t(`payments.alertKinds.${value}`) }))]}
          />
          {showCompany ? (
            <Select label={t('alerts.filters.company')} className="col-span-2 sm:w-44" value={companyId} onChange={(event) => list.setFilter('companyId', event.target.value)} options={[all, ...companies.options]} />
          ) : null}
        </div>
        <DateRangeFilter
          from={from}
          to={to}
          onChange={(bound, value) => list.setFilter(bound, value)}
          labels={{ from: t('alerts.filters.from'), to: t('alerts.filters.to') }}
          invalidMessage={badRange ? t('alerts.filters.invalidRange') : null}
        />
      </TableToolbar>
      <DataTable
        caption={t('alerts.caption')}
        columns={columns}
        rows={rows}
        loading={query.isFetching && !query.isFetchingNextPage}
        error={query.error}
        onRetry={() => void query.refetch()}
        rowKey={(alert) => alert.id}
        rowTestId={(alert) => alert.id}
        emptyTitle={list.filtered ? t('alerts.empty.filteredTitle') : t('alerts.empty.title')}
        emptyDescription={list.filtered ? t('alerts.empty.filteredDescription') : t('alerts.empty.description')}
      />
      {query.hasNextPage ? (
        <div className="flex justify-center border-t border-slate-200 p-4">
          <Button variant="secondary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {query.isFetchingNextPage ? t('alerts.loadingMore') : t('alerts.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
