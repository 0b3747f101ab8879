'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useI18n } from '@/components/i18n/client';
import { formatFen } from '@/components/money/fen';
import { useTRPC } from '@/components/trpc/react';
import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';
import type { Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { focusRing } from '@/components/ui/focus-ring';
import { DateRangeFilter } from '@/components/ui/date-range-filter';
import { ListTable } from '@/components/ui/list-table';
import { Select } from '@/components/ui/select';
import { useListQuery } from '@/components/ui/use-list-query';
import { dayBoundary } from '../audit/audit-summary';
import { useCompanyOptions } from '../users/use-company-options';
import { ExportMenu } from './export-menu';
import { PaymentStatusBadge } from './payment-badges';
import { PAYMENT_CHANNELS, PAYMENT_STATUSES, type PaymentChannel, type PaymentListItem, type PaymentStatus } from './payment-types';
import { usePaymentFilterOptions } from './use-filter-options';

type SortKey = 'createdAt' | 'amount';
type Filters = { companyId: string; merchantId: string; appId: string; channel: '' | PaymentChannel; status: '' | PaymentStatus; from: string; to: string };

/** Payment attempts in the reader's scope, newest first; the search box takes any of the three identifiers whole. */
export function PaymentsTable({ showCompany }: { showCompany: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const list = useListQuery<SortKey, Filters>({
    sortKeys: ['createdAt', 'amount'],
    filters: { companyId: '', merchantId: '', appId: '', channel: '', status: '', from: '', to: '' },
    filterValues: { channel: ['', ...PAYMENT_CHANNELS], status: ['', ...PAYMENT_STATUSES] },
    syncUrl: true,
  });
  const companies = useCompanyOptions(showCompany);
  const options = usePaymentFilterOptions(list.state.filters.companyId);
  const { from, to, companyId, page, pageSize, sortBy, sortDir, ...filters } = list.input;
  const fromDate = from ? dayBoundary(from, 'start') : undefined;
  const toDate = to ? dayBoundary(to, 'end') : undefined;
  const badRange = !!fromDate && !!toDate && toDate < fromDate;
  const filter = {
    ...filters,
    ...(showCompany && companyId ? { companyId } : {}),
    ...(fromDate ? { from: fromDate } : {}),
    ...(toDate && !badRange ? { to: toDate } : {}),
  };
  const query = useQuery({ ...trpc.payments.list.queryOptions({ page, pageSize, sortBy, sortDir, ...filter }), placeholderData: keepPreviousData });
  // The export takes the same filter, as a query string.
  const exportFilter = Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
  const all = { value: '', label: t('ui.filters.all') };

  const columns: Column<PaymentListItem, SortKey>[] = [
    {
      id: 'serialNo',
      header: t('payments.columns.serialNo'),
      cell: (payment) => (
        <Link href={`/payments/${payment.serialNo}`} className={cx('rounded font-mono text-xs font-medium text-brand-800 hover:underline', focusRing)}>
          {payment.serialNo}
        </Link>
      ),
    },
    {
      id: 'order',
      header: t('payments.columns.order'),
      cell: (payment) => (
        <div className="max-w-56">
          <p className="font-mono text-xs break-all text-slate-900">{payment.orderNo}</p>
          <p className="truncate text-xs text-slate-600">{payment.subject}</p>
        </div>
      ),
    },
    {
      id: 'amount',
      header: t('payments.columns.amount'),
      sortKey: 'amount',
      className: 'text-right',
      cell: (payment) => (
        <div>
          <p className="font-medium text-slate-900 tabular-nums">{formatFen(payment.amount)}</p>
          {payment.refundedAmount > 0 ? <p className="text-xs text-slate-600 tabular-nums">{t('payments.refunded', { amount: formatFen(payment.refundedAmount) })}</p> : null}
        </div>
      ),
    },
    { id: 'status', header: t('payments.columns.status'), cell: (payment) => <PaymentStatusBadge status={payment.status} /> },
    {
      id: 'channel',
      header: t('payments.columns.channel'),
      cell: (payment) => (
        <div className="flex flex-wrap items-center gap-1.5">
          <span>{t(`payments.channels.${payment.channel ?? 'NONE'}`)}</span>
          <span className="text-xs text-slate-600">{t(`payments.invokeMethods.${payment.invokeMethod}`)}</span>
          {payment.livemode ? null : <Badge tone="sky">{t('payments.testMode')}</Badge>}
        </div>
      ),
    },
    {
      id: 'merchant',
      header: t('payments.columns.merchant'),
      cell: (payment) => (
        <div>
          <p>{payment.merchant.name}</p>
          <p className="text-xs text-slate-600">{payment.app.name}</p>
        </div>
      ),
    },
    ...(showCompany ? [{ id: 'company', header: t('payments.columns.company'), cell: (payment: PaymentListItem) => payment.company.name }] : []),
    { id: 'createdAt', header: t('payments.columns.createdAt'), sortKey: 'createdAt', cell: (payment) => <DateTime value={payment.createdAt} className="whitespace-nowrap" /> },
  ];

  return (
    <ListTable
      list={list}
      query={query}
      searchLabel={t('payments.searchLabel')}
      searchPlaceholder={t('payments.searchPlaceholder')}
      filters={
        <>
          {showCompany ? (
            <Select
              label={t('payments.filters.company')}
              className="sm:w-44"
              value={list.state.filters.companyId}
              onChange={(event) => {
                list.setFilter('companyId', event.target.value);
                // A merchant of another company would match nothing.
                list.setFilter('merchantId', '');
              }}
              options={[all, ...companies.options]}
            />
          ) : null}
          <div className="grid grid-cols-2 gap-3 sm:flex">
            <Select label={t('payments.filters.merchant')} className="sm:w-40" value={list.state.filters.merchantId} onChange={(event) => list.setFilter('merchantId', event.target.value)} options={[all, ...options.merchants]} />
            <Select label={t('payments.filters.app')} className="sm:w-40" value={list.state.filters.appId} onChange={(event) => list.setFilter('appId', event.target.value)} options={[all, ...options.apps]} />
            <Select
              label={t('payments.filters.channel')}
              className="sm:w-32"
              value={list.state.filters.channel}
              onChange={(event) => list.setFilter('channel', event.target.value as Filters['channel'])}
              options={[all, ...PAYMENT_CHANNELS.map((channel) => ({ value: channel, label: t(`payments.channels.${channel}`) }))]}
            />
            <Select
              label={t('payments.filters.status')}
              className="sm:w-32"
              value={list.state.filters.status}
              onChange={(event) => list.setFilter('status', event.target.value as Filters['status'])}
              options={[all, ...PAYMENT_STATUSES.map((status) => ({ value: status, label: t(`payments.status.${status}`) }))]}
            />
          </div>
          <DateRangeFilter
            from={list.state.filters.from}
            to={list.state.filters.to}
            onChange={(bound, value) => list.setFilter(bound, value)}
            labels={{ from: t('payments.filters.from'), to: t('payments.filters.to') }}
            invalidMessage={badRange ? t('payments.filters.invalidRange') : null}
          />
        </>
      }
      actions={<ExportMenu filters={exportFilter} />}
      caption={t('payments.caption')}
      columns={columns}
      rowKey={(payment) => payment.serialNo}
      rowTestId={(payment) => payment.serialNo}
      emptyTitle={list.filtered ? t('payments.empty.filteredTitle') : t('payments.empty.title')}
      emptyDescription={list.filtered ? t('payments.empty.filteredDescription') : t('payments.empty.description')}
    />
  );
}
